package io.itsmhub.hub.release;

import io.itsmhub.core.change.ReleaseService;
import io.itsmhub.core.common.ConflictException;
import io.itsmhub.core.ticket.IllegalTransitionException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/** Starts the scheduled releases whose window is open; run on the change-scheduled event and on every poll. */
@Component
class ReleaseWindows {

    private static final Logger log = LoggerFactory.getLogger(ReleaseWindows.class);

    private final ReleaseService releases;

    ReleaseWindows(ReleaseService releases) {
        this.releases = releases;
    }

    /** The runs it started; each is handed to Jenkins by its ReleaseRequested event, or at once by the caller. */
    List<Long> startDue() {
        List<Long> started = new ArrayList<>();
        for (String number : releases.dueForDeployment()) {
            try {
                started.add(releases.deploy(number).id());
            } catch (ConflictException | IllegalTransitionException e) {
                log.debug("{} not started: {}", number, e.getMessage()); // e.g. a freeze configured after scheduling
            } catch (ConcurrencyFailureException | DataIntegrityViolationException e) {
                log.debug("{} started by another hub at the same moment", number);
            }
        }
        return started;
    }
}
