package io.itsmhub.hub.console.agent;

import io.itsmhub.core.outbox.OutboxConsumer;
import io.itsmhub.core.security.Roles;
import io.itsmhub.hub.console.ConsoleActions;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /agent/dead-letters} (administrators): the deliveries whose outbound call kept failing or was refused,
 * parked for an operator, per subscriber (the flow that acts on the event), with the ticket, the attempts and the last
 * error; Replay puts that one subscriber's delivery back in line with fresh attempts, exactly as {@code POST /api/v1/integrations/dead-letters/{id}/replay} does.
 */
@Controller
class DeadLettersPage {

    private final OutboxConsumer outbox;
    private final Texts texts;

    DeadLettersPage(OutboxConsumer outbox, Texts texts) {
        this.outbox = outbox;
        this.texts = texts;
    }

    @GetMapping("/agent/dead-letters")
    @PreAuthorize(Roles.ADMIN)
    String deadLetters(@RequestParam(required = false) String subscriber, Model model) {
        model.addAttribute("subscriber", subscriber);
        model.addAttribute("letters", outbox.parked(subscriber));
        model.addAttribute("backlog", outbox.backlog());
        return "agent/dead-letters";
    }

    @PostMapping("/agent/dead-letters/{id}/replay")
    @PreAuthorize(Roles.ADMIN)
    String replay(@PathVariable String id, RedirectAttributes flash) {
        return ConsoleActions.perform(flash, "/agent/dead-letters", texts.get("agent.dead.replayed"), () -> outbox.replay(id));
    }
}
