package io.itsmhub.core.change;

/** A release change runs its pipeline once, and its rollback pipeline at most once after a failed deployment. */
public enum RunKind { DEPLOY, ROLLBACK }
