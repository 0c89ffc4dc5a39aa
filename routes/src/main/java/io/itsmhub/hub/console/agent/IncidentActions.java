package io.itsmhub.hub.console.agent;

import static io.itsmhub.hub.console.agent.Forms.given;

import io.itsmhub.core.incident.IncidentService;
import io.itsmhub.core.people.PeopleService;
import io.itsmhub.core.security.Roles;
import io.itsmhub.core.ticket.ActionForms.Comment;
import io.itsmhub.core.ticket.ActionForms.Reason;
import io.itsmhub.core.ticket.ActionForms.Resolution;
import io.itsmhub.hub.console.ConsoleActions;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import io.itsmhub.core.ticket.defined.DefinedTicketService;
import io.itsmhub.core.desk.DeskService;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * The buttons of the incident page, each the console twin of one IncidentController endpoint: the same service
 * call, the same role rule, the same input constraints; then back to the page with what happened.
 */
@Controller
@RequestMapping("/agent/incidents/{number}")
class IncidentActions {

    /** Offered in the resolve form; the API takes any lower-case code. Not cleared-at-source: that one is the alert's. */
    static final List<String> RESOLUTION_CODES = List.of("fixed", "workaround", "rolled-back", "no-fault-found", "duplicate");

    private final IncidentService incidents;
    private final DefinedTicketService tickets;
    private final DeskService desks;
    private final PeopleService people;
    private final Forms forms;
    private final Texts texts;

    IncidentActions(IncidentService incidents, DefinedTicketService tickets, DeskService desks, PeopleService people,
                    Forms forms, Texts texts) {
        this.incidents = incidents;
        this.desks = desks;
        this.tickets = tickets;
        this.people = people;
        this.forms = forms;
        this.texts = texts;
    }

    @PostMapping("/assign")
    @PreAuthorize(Roles.AGENT)
    String assign(@PathVariable String number, @RequestParam(required = false) String assignmentGroup,
                  @RequestParam(required = false) String assignee, RedirectAttributes flash) {
        return ConsoleActions.perform(flash, back(number), texts.get("agent.done.assigned", number),
                () -> incidents.assign(number, given(assignmentGroup), given(assignee)));
    }

    @PostMapping("/take")
    @PreAuthorize(Roles.AGENT)
    String take(@PathVariable String number, Principal me, RedirectAttributes flash) {
        return ConsoleActions.perform(flash, back(number), texts.get("agent.done.taken", number), () -> incidents.assign(
                number, TakeIt.groupFor(people, me.getName(), incidents.get(number).assignmentGroup()), me.getName()));
    }

    /**
     * Up to the parent desk. Its agents take it from there; whoever escalated may no longer see it (a branch agent
     * does not see the head office), so the answer is the queues with a notice, not the ticket's page.
     */
    @PostMapping("/escalate")
    @PreAuthorize(Roles.AGENT)
    String escalate(@PathVariable String number, @RequestParam(required = false) String reason, RedirectAttributes flash) {
        String parent = desks.parentOf(incidents.get(number).desk()).orElse("—");
        String answer = ConsoleActions.perform(flash, "/agent", texts.get("agent.done.escalated", number, parent),
                () -> tickets.escalate(number, forms.checked(new Reason(given(reason))).reason()));
        return flash.getFlashAttributes().containsKey("notice") ? answer : "redirect:" + back(number);
    }

    @PostMapping("/start")
    @PreAuthorize(Roles.AGENT)
    String start(@PathVariable String number, RedirectAttributes flash) {
        return ConsoleActions.perform(flash, back(number), texts.get("agent.done.started", number),
                () -> incidents.start(number));
    }

    @PostMapping("/hold")
    @PreAuthorize(Roles.AGENT)
    String hold(@PathVariable String number, @RequestParam(required = false) String reason, RedirectAttributes flash) {
        return ConsoleActions.perform(flash, back(number), texts.get("agent.done.held", number),
                () -> incidents.hold(number, forms.checked(new Reason(given(reason))).reason()));
    }

    @PostMapping("/resolve")
    @PreAuthorize(Roles.AGENT)
    String resolve(@PathVariable String number, @RequestParam(required = false) String resolutionCode,
                   @RequestParam(required = false) String note, RedirectAttributes flash) {
        return ConsoleActions.perform(flash, back(number), texts.get("agent.done.resolved", number), () -> {
            Resolution form = forms.checked(new Resolution(given(resolutionCode), given(note)));
            incidents.resolve(number, form.resolutionCode(), form.note());
        });
    }

    /** No role rule, as in the API: whoever may see the incident may reopen it (here: agents, by the URL rule). */
    @PostMapping("/reopen")
    String reopen(@PathVariable String number, @RequestParam(required = false) String reason, RedirectAttributes flash) {
        return ConsoleActions.perform(flash, back(number), texts.get("agent.done.reopened", number),
                () -> incidents.reopen(number, forms.checked(new Reason(given(reason))).reason()));
    }

    @PostMapping("/close")
    @PreAuthorize(Roles.AGENT)
    String close(@PathVariable String number, RedirectAttributes flash) {
        return ConsoleActions.perform(flash, back(number), texts.get("agent.done.closed", number),
                () -> incidents.close(number));
    }

    @PostMapping("/cancel")
    @PreAuthorize(Roles.AGENT)
    String cancel(@PathVariable String number, @RequestParam(required = false) String reason, RedirectAttributes flash) {
        return ConsoleActions.perform(flash, back(number), texts.get("agent.done.cancelled", number),
                () -> incidents.cancel(number, forms.checked(new Reason(given(reason))).reason()));
    }

    @PostMapping("/comment")
    String comment(@PathVariable String number, @RequestParam(required = false) String text, RedirectAttributes flash) {
        return ConsoleActions.perform(flash, back(number), texts.get("agent.done.commented", number),
                () -> incidents.comment(number, forms.checked(new Comment(given(text))).text()));
    }

    /** A work note: staff only, as in the API; the requester's pages and mails never show it. */
    @PostMapping("/work-note")
    @PreAuthorize(Roles.STAFF)
    String workNote(@PathVariable String number, @RequestParam(required = false) String text, RedirectAttributes flash) {
        return ConsoleActions.perform(flash, back(number), texts.get("agent.done.workNoted", number),
                () -> incidents.workNote(number, forms.checked(new Comment(given(text))).text()));
    }

    private static String back(String number) {
        return "/agent/incidents/" + UriUtils.encodePathSegment(number, StandardCharsets.UTF_8);
    }
}
