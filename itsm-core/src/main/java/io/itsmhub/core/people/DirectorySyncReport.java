package io.itsmhub.core.people;

import java.time.Instant;
import java.util.List;

/** What a directory sync did: users added, updated and deactivated, groups seen, and entries it could not take. */
public record DirectorySyncReport(Long id, String triggeredBy, Instant startedAt, Instant finishedAt, int added,
                                  int updated, int deactivated, int groups, List<String> errors) {

    public String summary() {
        return "Directory sync: %d added, %d updated, %d deactivated, %d groups, %d errors"
                .formatted(added, updated, deactivated, groups, errors.size());
    }
}
