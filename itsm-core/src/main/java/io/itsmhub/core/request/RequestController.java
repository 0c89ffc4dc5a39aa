package io.itsmhub.core.request;

import io.itsmhub.core.journal.JournalEntryView;
import io.itsmhub.core.journal.JournalRenderer;
import io.itsmhub.core.security.Roles;
import io.itsmhub.core.ticket.ActionForms.Assignment;
import io.itsmhub.core.ticket.ActionForms.Comment;
import io.itsmhub.core.ticket.ActionForms.Reason;
import io.itsmhub.core.common.PageView;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/requests")
class RequestController {

    private final RequestService requests;

    RequestController(RequestService requests) {
        this.requests = requests;
    }

    @PostMapping
    ResponseEntity<RequestView> submit(@Valid @RequestBody RequestForm form) {
        RequestView created = requests.submit(form);
        return ResponseEntity.created(URI.create("/api/v1/requests/" + created.number())).body(created);
    }

    @GetMapping
    PageView<RequestView> list(@RequestParam(required = false) List<RequestStatus> status,
                               @RequestParam(required = false) String requester,
                               @RequestParam(required = false) String catalogItem,
                               @RequestParam(required = false) String assignee,
                               @PageableDefault(size = 20, sort = "createdAt", direction = Sort.Direction.DESC) Pageable pageable) {
        return requests.list(status, requester, catalogItem, assignee, pageable);
    }

    @GetMapping("/{number}")
    RequestView get(@PathVariable String number) {
        return requests.get(number);
    }

    @PostMapping("/{number}/approve")
    @PreAuthorize(Roles.STAFF)
    RequestView approve(@PathVariable String number, @Valid @RequestBody(required = false) Comment form) {
        return requests.approve(number, form == null ? null : form.text());
    }

    /** The person the request is for confirms it (no staff role: it is their own request). */
    @PostMapping("/{number}/confirm")
    RequestView confirm(@PathVariable String number, @Valid @RequestBody(required = false) Comment form) {
        return requests.confirm(number, form == null ? null : form.text());
    }

    @PostMapping("/{number}/reject")
    @PreAuthorize(Roles.STAFF)
    RequestView reject(@PathVariable String number, @Valid @RequestBody Comment form) {
        return requests.reject(number, form.text());
    }

    @PostMapping("/{number}/start-fulfilment")
    @PreAuthorize(Roles.AGENT)
    RequestView startFulfilment(@PathVariable String number) {
        return requests.startFulfilment(number);
    }

    @PostMapping("/{number}/fulfil")
    @PreAuthorize(Roles.AGENT)
    RequestView fulfil(@PathVariable String number, @Valid @RequestBody(required = false) Reason form) {
        return requests.fulfil(number, form == null ? null : form.reason());
    }

    @PostMapping("/{number}/cancel")
    RequestView cancel(@PathVariable String number, @Valid @RequestBody(required = false) Reason form) {
        return requests.cancel(number, form == null ? null : form.reason());
    }

    @PostMapping("/{number}/assign")
    @PreAuthorize(Roles.AGENT)
    RequestView assign(@PathVariable String number, @Valid @RequestBody Assignment form) {
        return requests.assign(number, form.assignmentGroup(), form.assignee());
    }

}
