package io.itsmhub.core.change;

import io.itsmhub.core.journal.JournalEntryView;
import io.itsmhub.core.journal.JournalRenderer;
import io.itsmhub.core.security.Roles;
import io.itsmhub.core.ticket.ActionForms.Comment;
import io.itsmhub.core.ticket.ActionForms.Reason;
import io.itsmhub.core.common.PageView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
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
@RequestMapping("/api/v1/changes")
@PreAuthorize(Roles.STAFF)
class ChangeController {

    record Window(Instant plannedStart, Instant plannedEnd) { }

    record Review(@NotNull Outcome outcome, @Size(max = 4000) String note) { }

    private final ChangeService changes;

    ChangeController(ChangeService changes) {
        this.changes = changes;
    }

    @PostMapping
    ResponseEntity<ChangeView> create(@Valid @RequestBody ChangeForm form) {
        ChangeView created = changes.create(form);
        return ResponseEntity.created(URI.create("/api/v1/changes/" + created.number())).body(created);
    }

    @GetMapping
    PageView<ChangeView> list(@RequestParam(required = false) List<ChangeStatus> status,
                              @RequestParam(required = false) ChangeType type,
                              @RequestParam(required = false) String requestedBy,
                              @RequestParam(required = false) String ci,
                              @PageableDefault(size = 20, sort = "createdAt", direction = Sort.Direction.DESC) Pageable pageable) {
        return changes.list(status, type, requestedBy, ci, pageable);
    }

    @GetMapping("/{number}")
    ChangeView get(@PathVariable String number) {
        return changes.get(number);
    }

    @PatchMapping("/{number}")
    ChangeView update(@PathVariable String number, @Valid @RequestBody ChangeUpdate update) {
        return changes.update(number, update);
    }

    @PostMapping("/{number}/assess")
    ChangeView assess(@PathVariable String number) {
        return changes.assess(number);
    }

    @PostMapping("/{number}/authorise")
    @PreAuthorize(Roles.CHANGE_MANAGER)
    ChangeView authorise(@PathVariable String number, @Valid @RequestBody(required = false) Comment form) {
        return changes.authorise(number, form == null ? null : form.text());
    }

    @PostMapping("/{number}/schedule")
    @PreAuthorize(Roles.RELEASE)
    ChangeView schedule(@PathVariable String number, @RequestBody(required = false) Window window) {
        return window == null ? changes.schedule(number, null, null)
                : changes.schedule(number, window.plannedStart(), window.plannedEnd());
    }

    @PostMapping("/{number}/implement")
    @PreAuthorize(Roles.RELEASE)
    ChangeView implement(@PathVariable String number) {
        return changes.implement(number);
    }

    @PostMapping("/{number}/review")
    @PreAuthorize(Roles.RELEASE)
    ChangeView review(@PathVariable String number, @Valid @RequestBody Review review) {
        return changes.review(number, review.outcome(), review.note());
    }

    @PostMapping("/{number}/close")
    @PreAuthorize(Roles.CHANGE_MANAGER)
    ChangeView close(@PathVariable String number, @Valid @RequestBody(required = false) Reason form) {
        return changes.close(number, form == null ? null : form.reason());
    }

    @PostMapping("/{number}/cancel")
    ChangeView cancel(@PathVariable String number, @Valid @RequestBody(required = false) Reason form) {
        return changes.cancel(number, form == null ? null : form.reason());
    }

}
