package io.itsmhub.core.field;

/** What a custom field holds; values travel as text and are checked against their type on every write. */
public enum FieldType {
    TEXT, LONG_TEXT, NUMBER, DATE, CHOICE, MULTI_CHOICE, USER, GROUP, CI, BOOLEAN;

    /** Long text is kept with the ticket but not indexed for lists (a value too long to sort on). */
    boolean indexed() {
        return this != LONG_TEXT;
    }
}
