package io.itsmhub.core.people;

/** Runs a directory sync now; the hub provides it when a directory is configured. */
public interface DirectorySyncTrigger {

    DirectorySyncReport syncNow(String triggeredBy);
}
