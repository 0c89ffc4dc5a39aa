package io.itsmhub.core.change;

import io.itsmhub.core.common.Priority;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How release changes run.
 *
 * @param autoStart      start the pipeline of a scheduled release by itself when its window opens; when false a
 *                       release manager presses deploy inside the window
 * @param watchWindow    how long after a deployment an alert on a target CI (or on a CI that needs one) is linked
 *                       to the change as its possible cause
 * @param failureImpact  impact of the incident raised for a failed deployment (with the urgency: P2 by default)
 * @param failureUrgency urgency of that incident
 */
@ConfigurationProperties("hub.release")
public record ReleaseSettings(
        @DefaultValue("true") boolean autoStart,
        @DefaultValue("30m") Duration watchWindow,
        @DefaultValue("HIGH") Priority.Level failureImpact,
        @DefaultValue("MEDIUM") Priority.Level failureUrgency) {

    public ReleaseSettings {
        watchWindow = watchWindow == null ? Duration.ofMinutes(30) : watchWindow;
        failureImpact = failureImpact == null ? Priority.Level.HIGH : failureImpact;
        failureUrgency = failureUrgency == null ? Priority.Level.MEDIUM : failureUrgency;
        if (watchWindow.isNegative()) {
            throw new IllegalArgumentException("hub.release.watch-window must not be negative, was " + watchWindow);
        }
    }
}
