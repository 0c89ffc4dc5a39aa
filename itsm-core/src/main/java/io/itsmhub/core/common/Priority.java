package io.itsmhub.core.common;

/**
 * P1 (critical) to P4 (low), derived from impact × urgency with the usual ITIL matrix:
 * both high → P1; one high and one medium → P2; both medium or one high and one low → P3; otherwise P4.
 */
public enum Priority {
    P1, P2, P3, P4;

    public enum Level { HIGH, MEDIUM, LOW }

    public static Priority of(Level impact, Level urgency) {
        int score = impact.ordinal() + urgency.ordinal(); // 0 = high+high … 4 = low+low
        return switch (score) {
            case 0 -> P1;
            case 1 -> P2;
            case 2 -> P3;
            default -> P4;
        };
    }
}
