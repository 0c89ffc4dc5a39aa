package io.itsmhub.core.sla;

import io.itsmhub.core.common.Priority;
import io.itsmhub.core.desk.DeskService;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * SLA targets by (desk, ticket type, priority). A desk without a target of its own takes the nearest one up the tree,
 * so a branch states only where it differs from the head office.
 */
@Service
public class SlaService {

    private final SlaTargetRepository targets;
    private final DeskService desks;

    public SlaService(SlaTargetRepository targets, DeskService desks) {
        this.targets = targets;
        this.desks = desks;
    }

    /** Due times for a ticket of {@code ticketType} and {@code priority} on the head office, opened at {@code openedAt}. */
    @Transactional(readOnly = true)
    public SlaDue due(String ticketType, Priority priority, Instant openedAt) {
        return due(DeskService.ROOT, ticketType, priority, openedAt);
    }

    /** Due times for a ticket of {@code desk}, {@code ticketType} and {@code priority} opened at {@code openedAt}. */
    @Transactional(readOnly = true)
    public SlaDue due(String desk, String ticketType, Priority priority, Instant openedAt) {
        return target(desk, ticketType, priority)
                .map(t -> new SlaDue(openedAt.plus(Duration.ofMinutes(t.getResponseMinutes())),
                        openedAt.plus(Duration.ofMinutes(t.getResolutionMinutes()))))
                .orElse(SlaDue.NONE);
    }

    private Optional<SlaTarget> target(String desk, String ticketType, Priority priority) {
        for (String code : desks.pathToRoot(desk)) {
            Optional<SlaTarget> own = targets.findById(SlaTarget.key(code, ticketType, priority.name()));
            if (own.isPresent()) {
                return own;
            }
        }
        return Optional.empty();
    }

    @Transactional(readOnly = true)
    public List<SlaTarget> all() {
        return targets.findAll(Sort.by("desk", "ticketType", "priority"));
    }

    @Transactional
    public SlaTarget save(String ticketType, Priority priority, int responseMinutes, int resolutionMinutes) {
        return save(DeskService.ROOT, ticketType, priority, responseMinutes, resolutionMinutes);
    }

    @Transactional
    public SlaTarget save(String desk, String ticketType, Priority priority, int responseMinutes, int resolutionMinutes) {
        desks.get(desk);
        desks.checkAdministers(desk);
        SlaTarget target = targets.findById(SlaTarget.key(desk, ticketType, priority.name()))
                .orElseGet(() -> new SlaTarget(desk, ticketType, priority.name(), responseMinutes, resolutionMinutes));
        target.setResponseMinutes(responseMinutes);
        target.setResolutionMinutes(resolutionMinutes);
        return targets.save(target);
    }
}
