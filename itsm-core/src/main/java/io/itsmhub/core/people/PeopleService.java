package io.itsmhub.core.people;

import io.itsmhub.core.common.InvalidInputException;
import io.itsmhub.core.common.TicketNotFoundException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The only writer of people and groups; other features ask it whether a user or group exists. */
@Service
@Transactional
public class PeopleService {

    private final PersonRepository people;
    private final SupportGroupRepository groups;
    private final PasswordEncoder passwords;
    private final io.itsmhub.core.desk.DeskService desks;
    private final Clock clock;
    private final ManagerRoles managerRoles;

    public PeopleService(io.itsmhub.core.desk.DeskService desks, PersonRepository people, SupportGroupRepository groups, PasswordEncoder passwords, Clock clock,
                         ManagerRoles managerRoles) {
        this.managerRoles = managerRoles;
        this.people = people;
        this.groups = groups;
        this.passwords = passwords;
        this.desks = desks;
        this.clock = clock;
    }

    public PersonView save(PersonForm form) {
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        if (form.manager() != null && !form.manager().equals(form.username()) && !people.existsById(form.manager())) {
            errors.add(new InvalidInputException.FieldError("manager", "no user '" + form.manager() + "'"));
        }
        Set<String> wanted = form.groups() == null ? Set.of() : form.groups();
        wanted.stream().filter(g -> !groups.existsById(g))
                .forEach(g -> errors.add(new InvalidInputException.FieldError("groups", "no group '" + g + "'")));
        if (form.roles() != null && managerRoles.conflict(form.roles())) {
            errors.add(new InvalidInputException.FieldError("roles", ManagerRoles.message()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Person person = people.findById(form.username())
                .orElseGet(() -> new Person(form.username(), form.displayName(), clock.instant()));
        person.setDisplayName(form.displayName());
        person.setEmail(form.email());
        person.setPhone(form.phone());
        person.setManager(form.manager());
        person.setRoles(form.roles() == null || form.roles().isEmpty() ? Set.of(Role.REQUESTER) : form.roles());
        person.setGroups(wanted);
        desks.changed();
        if (form.password() != null) {
            person.setPasswordHash(passwords.encode(form.password()));
        }
        return PersonView.of(people.save(person));
    }

    /** The language the person's messages are written in: en or zh-CN (null: the hub's default). */
    public void setLanguage(String username, String language) {
        if (language != null && !List.of("en", "zh-CN").contains(language)) {
            throw InvalidInputException.of("language", "en or zh-CN");
        }
        person(username).setLanguage(language);
    }

    /** Switched off by the hub (an administrator, an HR leaver): refused from their next call on, and kept off by the directory. */
    public void deactivate(String username) {
        person(username).setActive(false);
    }

    public void activate(String username) {
        person(username).setActive(true);
    }

    public SupportGroup saveGroup(String name, String description, String email) {
        SupportGroup group = groups.findById(name).orElseGet(() -> new SupportGroup(name, description, email));
        group.setDescription(description);
        group.setEmail(email);
        desks.changed();
        return groups.save(group);
    }

    /** The active person with this e-mail address; empty when none or when several share it (ambiguous). */
    @Transactional(readOnly = true)
    public Optional<Person> findByEmail(String email) {
        if (email == null || email.isBlank()) {
            return Optional.empty();
        }
        List<Person> found = people.findByEmailIgnoreCaseAndActiveTrue(email.trim());
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    @Transactional(readOnly = true)
    public Optional<SupportGroup> group(String name) {
        return name == null ? Optional.empty() : groups.findById(name);
    }

    @Transactional(readOnly = true)
    public Optional<Person> find(String username) {
        return people.findById(username);
    }

    /**
     * Where a person sits: their home desk (which they see, and where their tickets are routed when no rule says
     * otherwise), department and location (which routing rules match on).
     */
    public PersonView place(String username, String desk, String department, String location) {
        if (desk != null && !desks.exists(desk)) {
            throw InvalidInputException.of("desk", "no desk " + desk);
        }
        Person person = person(username);
        person.place(desk, department, location);
        desks.changed();
        return PersonView.of(person);
    }

    /** The support groups this user belongs to; none for an unknown user (the system, a machine). */
    @Transactional(readOnly = true)
    public Set<String> groupsOf(String username) {
        return people.findById(username).map(p -> Set.copyOf(p.getGroups())).orElse(Set.of());
    }

    @Transactional(readOnly = true)
    public PersonView view(String username) {
        return PersonView.of(person(username));
    }

    @Transactional(readOnly = true)
    public List<PersonView> all() {
        return people.findAll(org.springframework.data.domain.Sort.by("username")).stream().map(PersonView::of).toList();
    }

    @Transactional(readOnly = true)
    public List<SupportGroup> allGroups() {
        return groups.findAll(org.springframework.data.domain.Sort.by("name"));
    }

    @Transactional(readOnly = true)
    public List<PersonView> members(String group) {
        if (!groups.existsById(group)) {
            throw new TicketNotFoundException("group", group);
        }
        return people.findByGroupsContainsOrderByUsername(group).stream().map(PersonView::of).toList();
    }

    @Transactional(readOnly = true)
    public boolean hasUsers() {
        return people.count() > 0;
    }

    /**
     * Checks an assignment: the group exists, the assignee is an active user and, when both are given,
     * a member of the group. Errors name the request's fields.
     */
    @Transactional(readOnly = true)
    public void checkAssignment(String group, String assignee) {
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        if (group != null && !groups.existsById(group)) {
            errors.add(new InvalidInputException.FieldError("assignmentGroup", "no group '" + group + "'"));
        }
        if (assignee != null) {
            Optional<Person> person = people.findById(assignee).filter(Person::isActive);
            if (person.isEmpty()) {
                errors.add(new InvalidInputException.FieldError("assignee", "no active user '" + assignee + "'"));
            } else if (group != null && errors.isEmpty() && !person.get().getGroups().contains(group)) {
                errors.add(new InvalidInputException.FieldError("assignee",
                        "'" + assignee + "' is not a member of group '" + group + "'"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /** Checks that a user named in a request exists and is active. */
    @Transactional(readOnly = true)
    public void checkUser(String field, String username) {
        if (username != null && people.findById(username).filter(Person::isActive).isEmpty()) {
            throw InvalidInputException.of(field, "no active user '" + username + "'");
        }
    }

    private Person person(String username) {
        return people.findById(username).orElseThrow(() -> new TicketNotFoundException("user", username));
    }
}
