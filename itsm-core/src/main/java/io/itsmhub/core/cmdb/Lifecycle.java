package io.itsmhub.core.cmdb;

public enum Lifecycle { PLANNED, OPERATIONAL, MAINTENANCE, RETIRED }
