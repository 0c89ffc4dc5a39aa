package io.itsmhub.core.incident;

import io.itsmhub.core.field.AttributeFilters;
import io.itsmhub.core.journal.JournalEntryView;
import io.itsmhub.core.journal.JournalRenderer;
import io.itsmhub.core.security.Roles;
import io.itsmhub.core.ticket.ActionForms.Assignment;
import io.itsmhub.core.ticket.ActionForms.Comment;
import io.itsmhub.core.ticket.ActionForms.Reason;
import io.itsmhub.core.ticket.ActionForms.Resolution;
import io.itsmhub.core.common.PageView;
import io.itsmhub.core.common.Priority;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/incidents")
class IncidentController {

    private final IncidentService incidents;
    private final io.itsmhub.core.common.CurrentUser currentUser;

    /**
     * Source and source reference tie an incident to what raised it (intake finds an alert's incident by them); the
     * hub's intakes (alerts, mail) set them. A requester naming them over the API could take over an alert's incident
     * or pose as monitoring.
     */
    private void refuseSourceFromRequester(IncidentForm form) {
        if (!currentUser.isRequesterOnly()) {
            return;
        }
        java.util.List<io.itsmhub.core.common.InvalidInputException.FieldError> errors = new java.util.ArrayList<>();
        if (form.source() != null && !form.source().equals("manual")) {
            errors.add(new io.itsmhub.core.common.InvalidInputException.FieldError("source",
                    "only the hub's intakes set the source; leave it empty"));
        }
        if (form.sourceRef() != null) {
            errors.add(new io.itsmhub.core.common.InvalidInputException.FieldError("sourceRef",
                    "only the hub's intakes set the source reference; leave it empty"));
        }
        if (!errors.isEmpty()) {
            throw new io.itsmhub.core.common.InvalidInputException(errors);
        }
    }

    IncidentController(IncidentService incidents, io.itsmhub.core.common.CurrentUser currentUser) {
        this.currentUser = currentUser;
        this.incidents = incidents;
    }

    @PostMapping
    ResponseEntity<IncidentView> create(@Valid @RequestBody IncidentForm form) {
        refuseSourceFromRequester(form);
        IncidentView created = incidents.create(form);
        return ResponseEntity.created(URI.create("/api/v1/incidents/" + created.number())).body(created);
    }

    @GetMapping
    PageView<IncidentView> list(@RequestParam(required = false) List<IncidentStatus> status,
                                @RequestParam(required = false) Priority priority,
                                @RequestParam(required = false) String assignee,
                                @RequestParam(required = false) String assignmentGroup,
                                @RequestParam(required = false) String source,
                                @RequestParam(required = false) String sourceRef,
                                @RequestParam(required = false) String ci,
                                @RequestParam(required = false) String caller,
                                @RequestParam(required = false) String relatedChange,
                                @RequestParam(name = "attr", required = false) List<String> attr,
                                @PageableDefault(size = 20, sort = "createdAt", direction = Sort.Direction.DESC) Pageable pageable) {
        return incidents.list(new IncidentFilter(status, priority, assignee, assignmentGroup, source, sourceRef, ci, caller, relatedChange),
                AttributeFilters.parse(attr), pageable);
    }

    @GetMapping("/{number}")
    IncidentView get(@PathVariable String number) {
        return incidents.get(number);
    }

    @PatchMapping("/{number}")
    @PreAuthorize(Roles.AGENT)
    IncidentView update(@PathVariable String number, @Valid @RequestBody IncidentUpdate update) {
        return incidents.update(number, update);
    }

    @PostMapping("/{number}/assign")
    @PreAuthorize(Roles.AGENT)
    IncidentView assign(@PathVariable String number, @Valid @RequestBody Assignment form) {
        return incidents.assign(number, form.assignmentGroup(), form.assignee());
    }

    @PostMapping("/{number}/start")
    @PreAuthorize(Roles.AGENT)
    IncidentView start(@PathVariable String number) {
        return incidents.start(number);
    }

    @PostMapping("/{number}/hold")
    @PreAuthorize(Roles.AGENT)
    IncidentView hold(@PathVariable String number, @Valid @RequestBody(required = false) Reason form) {
        return incidents.hold(number, reason(form));
    }

    @PostMapping("/{number}/resolve")
    @PreAuthorize(Roles.AGENT)
    IncidentView resolve(@PathVariable String number, @Valid @RequestBody Resolution form) {
        return incidents.resolve(number, form.resolutionCode(), form.note());
    }

    @PostMapping("/{number}/reopen")
    IncidentView reopen(@PathVariable String number, @Valid @RequestBody(required = false) Reason form) {
        return incidents.reopen(number, reason(form));
    }

    @PostMapping("/{number}/close")
    @PreAuthorize(Roles.AGENT)
    IncidentView close(@PathVariable String number) {
        return incidents.close(number);
    }

    @PostMapping("/{number}/cancel")
    @PreAuthorize(Roles.AGENT)
    IncidentView cancel(@PathVariable String number, @Valid @RequestBody(required = false) Reason form) {
        return incidents.cancel(number, reason(form));
    }

    private static String reason(Reason form) {
        return form == null ? null : form.reason();
    }
}
