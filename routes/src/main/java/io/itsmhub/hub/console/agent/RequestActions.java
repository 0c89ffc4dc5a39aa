package io.itsmhub.hub.console.agent;

import static io.itsmhub.hub.console.agent.Forms.given;

import io.itsmhub.core.fulfilment.FulfilmentService;
import io.itsmhub.core.people.PeopleService;
import io.itsmhub.core.request.RequestService;
import io.itsmhub.core.security.Roles;
import io.itsmhub.core.ticket.ActionForms.Comment;
import io.itsmhub.core.ticket.ActionForms.Reason;
import io.itsmhub.hub.console.ConsoleActions;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * The buttons of the request page, each the console twin of a RequestController or FulfilmentController endpoint:
 * the same service call, role rule and input constraints. Approvals are not here: they have their own page.
 */
@Controller
@RequestMapping("/agent/requests/{number}")
class RequestActions {

    private final RequestService requests;
    private final FulfilmentService fulfilments;
    private final PeopleService people;
    private final Forms forms;
    private final Texts texts;

    RequestActions(RequestService requests, FulfilmentService fulfilments, PeopleService people, Forms forms, Texts texts) {
        this.requests = requests;
        this.fulfilments = fulfilments;
        this.people = people;
        this.forms = forms;
        this.texts = texts;
    }

    @PostMapping("/assign")
    @PreAuthorize(Roles.AGENT)
    String assign(@PathVariable String number, @RequestParam(required = false) String assignmentGroup,
                  @RequestParam(required = false) String assignee, RedirectAttributes flash) {
        return ConsoleActions.perform(flash, back(number), texts.get("agent.done.assigned", number),
                () -> requests.assign(number, given(assignmentGroup), given(assignee)));
    }

    @PostMapping("/take")
    @PreAuthorize(Roles.AGENT)
    String take(@PathVariable String number, Principal me, RedirectAttributes flash) {
        return ConsoleActions.perform(flash, back(number), texts.get("agent.done.taken", number), () -> requests.assign(
                number, TakeIt.groupFor(people, me.getName(), requests.get(number).assignmentGroup()), me.getName()));
    }

    @PostMapping("/start-fulfilment")
    @PreAuthorize(Roles.AGENT)
    String startFulfilment(@PathVariable String number, RedirectAttributes flash) {
        return ConsoleActions.perform(flash, back(number), texts.get("agent.done.started", number),
                () -> requests.startFulfilment(number));
    }

    @PostMapping("/fulfil")
    @PreAuthorize(Roles.AGENT)
    String fulfil(@PathVariable String number, @RequestParam(required = false) String reason, RedirectAttributes flash) {
        return ConsoleActions.perform(flash, back(number), texts.get("agent.done.fulfilled", number),
                () -> requests.fulfil(number, forms.checked(new Reason(given(reason))).reason()));
    }

    /** No role rule, as in the API (a requester may cancel their own request); agents only here, by the URL rule. */
    @PostMapping("/cancel")
    String cancel(@PathVariable String number, @RequestParam(required = false) String reason, RedirectAttributes flash) {
        return ConsoleActions.perform(flash, back(number), texts.get("agent.done.cancelled", number),
                () -> requests.cancel(number, forms.checked(new Reason(given(reason))).reason()));
    }

    @PostMapping("/comment")
    String comment(@PathVariable String number, @RequestParam(required = false) String text, RedirectAttributes flash) {
        return ConsoleActions.perform(flash, back(number), texts.get("agent.done.commented", number),
                () -> requests.comment(number, forms.checked(new Comment(given(text))).text()));
    }

    /** A work note: staff only, as in the API; the requester's pages and mails never show it. */
    @PostMapping("/work-note")
    @PreAuthorize(Roles.STAFF)
    String workNote(@PathVariable String number, @RequestParam(required = false) String text, RedirectAttributes flash) {
        return ConsoleActions.perform(flash, back(number), texts.get("agent.done.workNoted", number),
                () -> requests.workNote(number, forms.checked(new Comment(given(text))).text()));
    }

    @PostMapping("/fulfilment/retry")
    @PreAuthorize(Roles.AGENT)
    String retry(@PathVariable String number, RedirectAttributes flash) {
        return ConsoleActions.perform(flash, back(number), texts.get("agent.done.retried", number),
                () -> fulfilments.retry(number));
    }

    @PostMapping("/fulfilment/cancel")
    @PreAuthorize(Roles.AGENT)
    String cancelFulfilment(@PathVariable String number, @RequestParam(required = false) String reason,
                            RedirectAttributes flash) {
        return ConsoleActions.perform(flash, back(number), texts.get("agent.done.fulfilmentCancelled", number),
                () -> fulfilments.cancel(number, forms.checked(new Reason(given(reason))).reason()));
    }

    private static String back(String number) {
        return "/agent/requests/" + UriUtils.encodePathSegment(number, StandardCharsets.UTF_8);
    }
}
