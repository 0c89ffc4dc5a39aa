package io.itsmhub.core.outbox;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The stable name an event record is stored and subscribed under. It is written into the outbox and read back by
 * subscribers in other processes (possibly of another version), so it must not follow a rename of the class:
 * renaming the record keeps this name, and a test fails when two records claim one name.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface EventName {

    String value();
}
