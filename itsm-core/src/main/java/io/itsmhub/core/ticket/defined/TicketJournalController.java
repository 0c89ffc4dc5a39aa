package io.itsmhub.core.ticket.defined;

import io.itsmhub.core.journal.JournalEntryView;
import io.itsmhub.core.journal.JournalRenderer;
import io.itsmhub.core.security.Roles;
import io.itsmhub.core.ticket.ActionForms.Comment;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Comments, work notes and the journal of every ticket, once: under {@code /api/v1/tickets/{number}} for any type, and
 * under each built-in type's own path (where a number of another type is a 404, as it always was). Answers are the
 * journal, each line in the caller's language (Accept-Language zh(-CN): Chinese, else English).
 */
@RestController
class TicketJournalController {

    /** The built-in types' collections; {@code tickets} takes any type. */
    private static final Map<String, String> TYPE_OF_COLLECTION = Map.of("incidents", "incident", "requests", "request",
            "changes", "change", "problems", "problem");

    private final DefinedTicketService tickets;

    TicketJournalController(DefinedTicketService tickets) {
        this.tickets = tickets;
    }

    @PostMapping({"/api/v1/tickets/{number}/comments", "/api/v1/incidents/{number}/comments",
            "/api/v1/requests/{number}/comments", "/api/v1/changes/{number}/comments", "/api/v1/problems/{number}/comments"})
    @ResponseStatus(HttpStatus.CREATED)
    List<JournalEntryView> comment(@PathVariable String number, @Valid @RequestBody Comment form, HttpServletRequest request,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String language) {
        String type = typeOf(request);
        tickets.comment(number, type, form.text());
        return JournalRenderer.render(tickets.journal(number, type), JournalRenderer.readerOf(language));
    }

    /** Staff only: a requester may comment, never write (or read) a work note. */
    @PostMapping({"/api/v1/tickets/{number}/work-notes", "/api/v1/incidents/{number}/work-notes",
            "/api/v1/requests/{number}/work-notes", "/api/v1/changes/{number}/work-notes",
            "/api/v1/problems/{number}/work-notes"})
    @PreAuthorize(Roles.STAFF)
    @ResponseStatus(HttpStatus.CREATED)
    List<JournalEntryView> workNote(@PathVariable String number, @Valid @RequestBody Comment form, HttpServletRequest request,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String language) {
        String type = typeOf(request);
        tickets.workNote(number, type, form.text());
        return JournalRenderer.render(tickets.journal(number, type), JournalRenderer.readerOf(language));
    }

    @GetMapping({"/api/v1/tickets/{number}/journal", "/api/v1/incidents/{number}/journal",
            "/api/v1/requests/{number}/journal", "/api/v1/changes/{number}/journal", "/api/v1/problems/{number}/journal"})
    List<JournalEntryView> journal(@PathVariable String number, HttpServletRequest request,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String language) {
        return JournalRenderer.render(tickets.journal(number, typeOf(request)), JournalRenderer.readerOf(language));
    }

    /** "incident" for /api/v1/incidents/…, null (any type) for /api/v1/tickets/…. */
    private static String typeOf(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String collection = path.substring("/api/v1/".length(), path.indexOf('/', "/api/v1/".length()));
        return TYPE_OF_COLLECTION.get(collection);
    }
}
