package io.itsmhub.core.change;

import io.itsmhub.core.security.Roles;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/change-templates")
@PreAuthorize(Roles.STAFF)
class ChangeTemplateController {

    private final ChangeTemplates templates;

    ChangeTemplateController(ChangeTemplates templates) {
        this.templates = templates;
    }

    /** A template becomes every standard change made from it, hence a change manager drafts it … */
    @PostMapping
    @PreAuthorize(Roles.CHANGE_MANAGER)
    ResponseEntity<ChangeTemplateView> create(@Valid @RequestBody ChangeTemplateForm form) {
        ChangeTemplateView created = templates.create(form);
        return ResponseEntity.created(URI.create("/api/v1/change-templates/" + created.name())).body(created);
    }

    /** … and another change manager approves it. */
    @PostMapping("/{name}/approve")
    @PreAuthorize(Roles.CHANGE_MANAGER)
    ChangeTemplateView approve(@PathVariable String name) {
        return templates.approve(name);
    }

    @GetMapping
    List<ChangeTemplateView> list() {
        return templates.list();
    }

    @GetMapping("/{name}")
    ChangeTemplateView get(@PathVariable String name) {
        return templates.get(name);
    }
}
