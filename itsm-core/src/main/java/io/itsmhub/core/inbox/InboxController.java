package io.itsmhub.core.inbox;

import io.itsmhub.core.security.Roles;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The review list: mails the hub could not place (unknown senders, tickets the sender may not touch). */
@RestController
@RequestMapping("/api/v1/inbox")
@PreAuthorize(Roles.AGENT)
class InboxController {

    private final MailIntake intake;

    InboxController(MailIntake intake) {
        this.intake = intake;
    }

    @GetMapping("/review")
    List<InboxView> review() {
        return intake.reviewList();
    }
}
