package io.itsmhub.core.change;

/** A standard-change template is a DRAFT until a change manager other than its author approves it. */
public enum TemplateStatus { DRAFT, APPROVED }
