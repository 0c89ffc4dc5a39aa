package io.itsmhub.core.sla;

import io.itsmhub.core.security.Roles;
import io.itsmhub.core.common.Priority;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/sla-targets")
class SlaController {

    /** {@code desk}: whose target it is; the head office when not given (the one desk before desks existed). */
    record TargetForm(@Size(max = 40) String desk,
                      @NotNull @Pattern(regexp = "[a-z][a-z0-9-]{0,19}", message = "a ticket type, e.g. incident or request") String ticketType,
                      @NotNull Priority priority,
                      @Min(1) @Max(525600) int responseMinutes,
                      @Min(1) @Max(525600) int resolutionMinutes) { }

    private final SlaService sla;

    SlaController(SlaService sla) {
        this.sla = sla;
    }

    @GetMapping
    List<SlaTarget> targets() {
        return sla.all();
    }

    /** Administrators, and a desk's administrators for its own targets (checked by the service). */
    @PutMapping
    @PreAuthorize(Roles.STAFF)
    SlaTarget save(@Valid @RequestBody TargetForm form) {
        if (form.responseMinutes() > form.resolutionMinutes()) {
            throw io.itsmhub.core.common.InvalidInputException.of("responseMinutes", "must not exceed resolutionMinutes");
        }
        return sla.save(form.desk() == null ? io.itsmhub.core.desk.DeskService.ROOT : form.desk(), form.ticketType(), form.priority(), form.responseMinutes(), form.resolutionMinutes());
    }
}
