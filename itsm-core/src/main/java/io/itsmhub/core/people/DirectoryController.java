package io.itsmhub.core.people;

import io.itsmhub.core.common.CurrentUser;
import io.itsmhub.core.security.Roles;
import io.itsmhub.core.common.ConflictException;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/directory")
@PreAuthorize(Roles.ADMIN)
class DirectoryController {

    private final DirectorySync sync;
    private final ObjectProvider<DirectorySyncTrigger> trigger;
    private final CurrentUser currentUser;

    DirectoryController(DirectorySync sync, ObjectProvider<DirectorySyncTrigger> trigger, CurrentUser currentUser) {
        this.sync = sync;
        this.trigger = trigger;
        this.currentUser = currentUser;
    }

    @PostMapping("/sync")
    DirectorySyncReport syncNow() {
        DirectorySyncTrigger available = trigger.getIfAvailable();
        if (available == null) {
            throw new ConflictException("No directory", "no directory is configured (hub.ldap.url)");
        }
        return available.syncNow(currentUser.username());
    }

    @GetMapping("/syncs")
    List<DirectorySyncReport> recent() {
        return sync.recent();
    }
}
