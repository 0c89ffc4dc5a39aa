package io.itsmhub.core.change;

public enum Risk { LOW, MEDIUM, HIGH }
