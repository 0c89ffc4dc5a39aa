package io.itsmhub.core.change;

public enum Outcome { SUCCESSFUL, FAILED, CANCELLED }
