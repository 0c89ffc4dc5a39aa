package io.itsmhub.core.people;

import io.itsmhub.core.security.Roles;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
class PeopleController {

    record GroupForm(@NotBlank String name, String description, String email) { }

    private final PeopleService people;

    PeopleController(PeopleService people) {
        this.people = people;
    }

    @GetMapping("/users")
    @PreAuthorize(Roles.STAFF)
    List<PersonView> users() {
        return people.all();
    }

    @GetMapping("/users/{username}")
    @PreAuthorize(Roles.STAFF)
    PersonView user(@PathVariable String username) {
        return people.view(username);
    }

    @PutMapping("/users/{username}")
    @PreAuthorize(Roles.ADMIN)
    PersonView save(@PathVariable String username, @Valid @RequestBody PersonForm form) {
        if (!username.equals(form.username())) {
            throw io.itsmhub.core.common.InvalidInputException.of("username", "must match the path ('" + username + "')");
        }
        return people.save(form);
    }

    /** Where someone sits: their home desk, department and location (what visibility and routing read). */
    record Placement(@jakarta.validation.constraints.Size(max = 40) String desk,
                     @jakarta.validation.constraints.Size(max = 100) String department,
                     @jakarta.validation.constraints.Size(max = 100) String location) { }

    @PutMapping("/users/{username}/placement")
    @PreAuthorize(Roles.ADMIN)
    PersonView place(@PathVariable String username, @Valid @RequestBody Placement placement) {
        return people.place(username, placement.desk(), placement.department(), placement.location());
    }

    @PostMapping("/users/{username}/deactivate")
    @PreAuthorize(Roles.ADMIN)
    PersonView deactivate(@PathVariable String username) {
        people.deactivate(username);
        return people.view(username);
    }

    /** The way back for someone the hub switched off; the directory alone never undoes an administrator's decision. */
    @PostMapping("/users/{username}/activate")
    @PreAuthorize(Roles.ADMIN)
    PersonView activate(@PathVariable String username) {
        people.activate(username);
        return people.view(username);
    }

    @GetMapping("/groups")
    List<SupportGroup> groups() {
        return people.allGroups();
    }

    @GetMapping("/groups/{name}/members")
    @PreAuthorize(Roles.STAFF)
    List<PersonView> members(@PathVariable String name) {
        return people.members(name);
    }

    @PostMapping("/groups")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Roles.ADMIN)
    SupportGroup createGroup(@Valid @RequestBody GroupForm form) {
        return people.saveGroup(form.name(), form.description(), form.email());
    }
}
