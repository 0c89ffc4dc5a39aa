package io.itsmhub.core.problem;

import io.itsmhub.core.journal.JournalEntryView;
import io.itsmhub.core.journal.JournalRenderer;
import io.itsmhub.core.security.Roles;
import io.itsmhub.core.ticket.ActionForms.Comment;
import io.itsmhub.core.ticket.ActionForms.Reason;
import io.itsmhub.core.common.PageView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/problems")
@PreAuthorize(Roles.STAFF)
class ProblemController {

    record KnownError(@NotBlank @Size(max = 10000) String rootCause, @NotBlank @Size(max = 10000) String workaround) { }

    record RootCause(@Size(max = 10000) String rootCause) { }

    record IncidentLink(@NotBlank String incident) { }

    private final ProblemService problems;

    ProblemController(ProblemService problems) {
        this.problems = problems;
    }

    @PostMapping
    @PreAuthorize(Roles.AGENT)
    ResponseEntity<ProblemView> create(@Valid @RequestBody ProblemForm form) {
        ProblemView created = problems.create(form);
        return ResponseEntity.created(URI.create("/api/v1/problems/" + created.number())).body(created);
    }

    @GetMapping
    PageView<ProblemView> list(@RequestParam(required = false) List<ProblemStatus> status,
                               @RequestParam(required = false) Boolean knownError,
                               @RequestParam(required = false) String assignee,
                               @RequestParam(required = false) String incident,
                               @PageableDefault(size = 20, sort = "createdAt", direction = Sort.Direction.DESC) Pageable pageable) {
        return problems.list(status, knownError, assignee, incident, pageable);
    }

    @GetMapping("/{number}")
    ProblemView get(@PathVariable String number) {
        return problems.get(number);
    }

    @PostMapping("/{number}/incidents")
    @PreAuthorize(Roles.AGENT)
    ProblemView link(@PathVariable String number, @Valid @RequestBody IncidentLink link) {
        return problems.linkIncident(number, link.incident());
    }

    @PostMapping("/{number}/known-error")
    @PreAuthorize(Roles.AGENT)
    ProblemView knownError(@PathVariable String number, @Valid @RequestBody KnownError form) {
        return problems.recordKnownError(number, form.rootCause(), form.workaround());
    }

    @PostMapping("/{number}/investigate")
    @PreAuthorize(Roles.AGENT)
    ProblemView investigate(@PathVariable String number) {
        return problems.investigate(number);
    }

    @PostMapping("/{number}/resolve")
    @PreAuthorize(Roles.AGENT)
    ProblemView resolve(@PathVariable String number, @Valid @RequestBody(required = false) RootCause form) {
        return problems.resolve(number, form == null ? null : form.rootCause());
    }

    @PostMapping("/{number}/reopen")
    @PreAuthorize(Roles.AGENT)
    ProblemView reopen(@PathVariable String number, @Valid @RequestBody(required = false) Reason form) {
        return problems.reopen(number, form == null ? null : form.reason());
    }

    @PostMapping("/{number}/close")
    @PreAuthorize(Roles.AGENT)
    ProblemView close(@PathVariable String number) {
        return problems.close(number);
    }

    @PostMapping("/{number}/cancel")
    @PreAuthorize(Roles.AGENT)
    ProblemView cancel(@PathVariable String number, @Valid @RequestBody(required = false) Reason form) {
        return problems.cancel(number, form == null ? null : form.reason());
    }

}
