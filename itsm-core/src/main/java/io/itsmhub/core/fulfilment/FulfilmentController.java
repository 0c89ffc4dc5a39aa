package io.itsmhub.core.fulfilment;

import io.itsmhub.core.security.Roles;
import io.itsmhub.core.ticket.ActionForms.Reason;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/requests/{number}/fulfilment")
class FulfilmentController {

    private final FulfilmentService fulfilments;

    FulfilmentController(FulfilmentService fulfilments) {
        this.fulfilments = fulfilments;
    }

    @GetMapping
    FulfilmentView view(@PathVariable String number) {
        return fulfilments.view(number);
    }

    @PostMapping("/retry")
    @PreAuthorize(Roles.AGENT)
    FulfilmentView retry(@PathVariable String number) {
        return fulfilments.retry(number);
    }

    @PostMapping("/cancel")
    @PreAuthorize(Roles.AGENT)
    FulfilmentView cancel(@PathVariable String number, @Valid @RequestBody(required = false) Reason form) {
        return fulfilments.cancel(number, form == null ? null : form.reason());
    }
}
