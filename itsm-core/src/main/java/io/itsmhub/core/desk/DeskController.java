package io.itsmhub.core.desk;

import io.itsmhub.core.security.Roles;
import io.itsmhub.core.common.InvalidInputException;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The desk tree: staff read it; administrators shape it and put groups on desks. */
@RestController
@RequestMapping("/api/v1/desks")
class DeskController {

    record Placement(String desk) { }

    private final DeskService desks;
    private final DeskRouting routing;

    DeskController(DeskService desks, DeskRouting routing) {
        this.desks = desks;
        this.routing = routing;
    }

    /** The routing rules, in the order they are tried. */
    @GetMapping("/routing")
    @PreAuthorize(Roles.STAFF)
    java.util.List<RoutingRule> routing() {
        return routing.rules();
    }

    @PutMapping("/routing")
    @PreAuthorize(Roles.ADMIN)
    java.util.List<RoutingRule> replaceRouting(@RequestBody java.util.List<@Valid RoutingRule> rules) {
        return routing.replace(rules);
    }

    @GetMapping
    @PreAuthorize(Roles.STAFF)
    DeskView tree() {
        return desks.tree();
    }

    @GetMapping("/{code}")
    @PreAuthorize(Roles.STAFF)
    DeskView get(@PathVariable String code) {
        return desks.get(code);
    }

    /** Administrators, and desk administrators for their part of the tree (checked by {@link DeskService}). */
    @PutMapping("/{code}")
    @PreAuthorize(Roles.STAFF)
    DeskView save(@PathVariable String code, @Valid @RequestBody DeskForm form) {
        if (!code.matches("[A-Z][A-Z0-9-]{1,39}")) {
            throw InvalidInputException.of("code", "is a desk code: 2-40 capitals, digits or '-'");
        }
        return desks.save(code, form);
    }

    @PutMapping("/{code}/groups/{group}")
    @PreAuthorize(Roles.STAFF)
    DeskView place(@PathVariable String code, @PathVariable String group) {
        desks.placeGroup(group, code);
        return desks.get(code);
    }

    @PutMapping("/{code}/admins/{username}")
    @PreAuthorize(Roles.STAFF)
    DeskView addAdmin(@PathVariable String code, @PathVariable String username) {
        return desks.addAdmin(code, username);
    }

    @org.springframework.web.bind.annotation.DeleteMapping("/{code}/admins/{username}")
    @PreAuthorize(Roles.STAFF)
    DeskView removeAdmin(@PathVariable String code, @PathVariable String username) {
        return desks.removeAdmin(code, username);
    }
}
