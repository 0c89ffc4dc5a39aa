package io.itsmhub.core.change;

public enum ChangeType { STANDARD, NORMAL, EMERGENCY }
