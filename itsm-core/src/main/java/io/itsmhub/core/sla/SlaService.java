package io.itsmhub.core.sla;

import io.itsmhub.core.common.Priority;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class SlaService {

    private final SlaTargetRepository targets;

    public SlaService(SlaTargetRepository targets) {
        this.targets = targets;
    }

    /** Due times for a ticket of {@code ticketType} and {@code priority} opened at {@code openedAt}. */
    @Transactional(readOnly = true)
    public SlaDue due(String ticketType, Priority priority, Instant openedAt) {
        return targets.findById(ticketType + ":" + priority.name())
                .map(t -> new SlaDue(openedAt.plus(Duration.ofMinutes(t.getResponseMinutes())),
                        openedAt.plus(Duration.ofMinutes(t.getResolutionMinutes()))))
                .orElse(SlaDue.NONE);
    }

    @Transactional(readOnly = true)
    public List<SlaTarget> all() {
        return targets.findAll(org.springframework.data.domain.Sort.by("ticketType", "priority"));
    }

    @Transactional
    public SlaTarget save(String ticketType, Priority priority, int responseMinutes, int resolutionMinutes) {
        SlaTarget target = targets.findById(ticketType + ":" + priority.name())
                .orElseGet(() -> new SlaTarget(ticketType, priority.name(), responseMinutes, resolutionMinutes));
        target.setResponseMinutes(responseMinutes);
        target.setResolutionMinutes(resolutionMinutes);
        return targets.save(target);
    }
}
