package io.itsmhub.core.ticket.defined;

import io.itsmhub.core.common.PageView;
import io.itsmhub.core.journal.JournalEntryView;
import io.itsmhub.core.journal.JournalRenderer;
import io.itsmhub.core.security.Roles;
import io.itsmhub.core.ticket.ActionForms.Assignment;
import io.itsmhub.core.ticket.ActionForms.Comment;
import io.itsmhub.core.ticket.ActionForms.Reason;
import io.itsmhub.core.ticket.TicketLink;
import io.itsmhub.core.ticket.TicketLinkService;
import io.itsmhub.core.ticket.WorkQueue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.DeleteMapping;
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

/**
 * {@code /api/v1/tickets}: any ticket by its number (read, journal, comments, escalation to the parent desk), and the
 * tickets of types defined as data (raise, list, act, assign). Built-in types keep their own endpoints as well.
 */
@RestController
@RequestMapping("/api/v1/tickets")
class TicketController {

    private final DefinedTicketService tickets;
    private final TicketLinkService links;

    TicketController(DefinedTicketService tickets, TicketLinkService links) {
        this.tickets = tickets;
        this.links = links;
    }

    record LinkForm(@NotNull TicketLink.Kind kind, @NotBlank @Size(max = 20) String to) { }

    /** The ticket's links from its side (PARENT_OF, CHILD_OF, CAUSES, CAUSED_BY, DUPLICATE_OF, DUPLICATED_BY, RELATED). */
    @GetMapping("/{number}/links")
    List<TicketLink.Seen> links(@PathVariable String number) {
        return links.links(number);
    }

    @PostMapping("/{number}/links")
    @PreAuthorize(Roles.STAFF)
    @ResponseStatus(HttpStatus.CREATED)
    List<TicketLink.Seen> link(@PathVariable String number, @Valid @RequestBody LinkForm form) {
        return links.link(number, form.kind(), form.to());
    }

    @DeleteMapping("/{number}/links/{kind}/{to}")
    @PreAuthorize(Roles.STAFF)
    List<TicketLink.Seen> unlink(@PathVariable String number, @PathVariable TicketLink.Kind kind, @PathVariable String to) {
        return links.unlink(number, kind, to);
    }

    /** The types defined as data, with their workflows' states and their fields. */
    record TypeView(String type, String prefix, String name, List<String> states, List<FieldDefinition> fields) { }

    @GetMapping("/types")
    List<TypeView> types() {
        return tickets.types().stream().map(d -> new TypeView(d.type(), d.prefix(), d.name(),
                List.copyOf(d.workflow().states()), d.fields())).toList();
    }

    @PostMapping("/types/{type}")
    ResponseEntity<TicketView> create(@PathVariable String type, @Valid @RequestBody DefinedTicketForm form) {
        TicketView created = tickets.create(type, form);
        return ResponseEntity.created(URI.create("/api/v1/tickets/" + created.number())).body(created);
    }

    @GetMapping("/types/{type}")
    PageView<TicketView> list(@PathVariable String type, @RequestParam(required = false) List<String> status,
                              @RequestParam(required = false) String desk,
                              @PageableDefault(size = 20, sort = "createdAt", direction = Sort.Direction.DESC) Pageable pageable) {
        return tickets.list(type, status, desk, pageable);
    }

    @GetMapping("/types/{type}/queues/{queue}")
    @PreAuthorize(Roles.STAFF)
    PageView<TicketView> queue(@PathVariable String type, @PathVariable String queue,
                               @RequestParam(defaultValue = "50") int size) {
        return tickets.queue(type, WorkQueue.fromParam(queue), Math.max(1, Math.min(size, 200)));
    }

    @GetMapping("/{number}")
    TicketView get(@PathVariable String number) {
        return tickets.get(number);
    }

    @PostMapping("/{number}/actions/{action}")
    @PreAuthorize(Roles.STAFF)
    TicketView act(@PathVariable String number, @PathVariable String action,
                   @Valid @RequestBody(required = false) Reason form) {
        return tickets.act(number, action, form == null ? null : form.reason());
    }

    @PostMapping("/{number}/assign")
    @PreAuthorize(Roles.STAFF)
    TicketView assign(@PathVariable String number, @RequestBody Assignment form) {
        return tickets.assign(number, form.assignmentGroup(), form.assignee());
    }

    /** Up to the parent desk, with the SLA clock kept; the journal says from where, to where and why. */
    @PostMapping("/{number}/escalate")
    @PreAuthorize(Roles.STAFF)
    TicketView escalate(@PathVariable String number, @Valid @RequestBody(required = false) Reason form) {
        return tickets.escalate(number, form == null ? null : form.reason());
    }

}
