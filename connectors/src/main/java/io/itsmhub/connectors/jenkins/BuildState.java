package io.itsmhub.connectors.jenkins;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

/**
 * A build now.
 *
 * @param number            build number
 * @param url               the build's page
 * @param building          whether it still runs
 * @param result            null while building; SUCCESS/FAILURE/UNSTABLE/ABORTED/NOT_BUILT once done (a pipeline
 *                          may set an interim result while it runs; it is only final, and only shown, once done)
 * @param startedAt         when it started
 * @param duration          how long it took, null while building (Jenkins says 0 then)
 * @param estimatedDuration Jenkins' estimate from earlier builds, null when it has none
 */
public record BuildState(int number, URI url, boolean building, String result, Instant startedAt,
        Duration duration, Duration estimatedDuration) { }
