package io.itsmhub.core.incident;

public enum IncidentStatus {
    NEW, IN_PROGRESS, ON_HOLD, RESOLVED, CLOSED, CANCELLED;

    public boolean isOpen() {
        return this == NEW || this == IN_PROGRESS || this == ON_HOLD;
    }
}
