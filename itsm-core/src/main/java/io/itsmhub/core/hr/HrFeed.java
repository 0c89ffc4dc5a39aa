package io.itsmhub.core.hr;

import io.itsmhub.core.incident.IncidentFilter;
import io.itsmhub.core.incident.IncidentService;
import io.itsmhub.core.incident.IncidentStatus;
import io.itsmhub.core.incident.IncidentView;
import io.itsmhub.core.journal.Journal;
import io.itsmhub.core.people.PeopleService;
import io.itsmhub.core.people.Person;
import io.itsmhub.core.people.PersonForm;
import io.itsmhub.core.people.Role;
import io.itsmhub.core.request.RequestForm;
import io.itsmhub.core.request.RequestService;
import io.itsmhub.core.request.RequestStatus;
import io.itsmhub.core.request.RequestView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies one HR record in one transaction. A joiner becomes a person and gets an access request per group of their
 * job role; a mover is updated and gets the requests of a new role; a leaver is deactivated, a revocation request is
 * raised, and their open incidents and requests go back to their group unassigned.
 */
@Service
@Transactional
public class HrFeed {

    public record Applied(String username, HrRecord.Event event, List<String> requests, List<String> reassigned) { }

    private static final String ACTOR = "hr";

    private final PeopleService people;
    private final RequestService requests;
    private final IncidentService incidents;
    private final HrSettings settings;
    private final Journal journal;

    HrFeed(PeopleService people, RequestService requests, IncidentService incidents, HrSettings settings, Journal journal) {
        this.people = people;
        this.requests = requests;
        this.incidents = incidents;
        this.settings = settings;
        this.journal = journal;
    }

    public Applied apply(HrRecord record) {
        return switch (record.event()) {
            case JOINER, MOVER -> joinOrMove(record);
            case LEAVER -> leave(record);
        };
    }

    private Applied joinOrMove(HrRecord record) {
        Person existing = people.find(record.username()).orElse(null);
        Set<Role> roles = existing == null ? Set.of(Role.REQUESTER) : existing.getRoles();
        Set<String> groups = existing == null ? Set.of() : existing.getGroups();
        String group = record.group() != null && people.group(record.group()).isPresent() ? record.group() : null;
        if (group != null) {
            groups = new java.util.LinkedHashSet<>(groups);
            groups.add(group);
        }
        String manager = record.manager() != null && people.find(record.manager()).isPresent() ? record.manager() : null;
        people.save(new PersonForm(record.username(),
                record.displayName() != null ? record.displayName() : existing != null ? existing.getDisplayName() : record.username(),
                record.email() != null ? record.email() : existing != null ? existing.getEmail() : null,
                record.phone() != null ? record.phone() : existing != null ? existing.getPhone() : null,
                manager != null ? manager : existing != null ? existing.getManager() : null, null, roles, groups));
        people.find(record.username()).filter(p -> !p.isActive()).ifPresent(p -> p.setActive(true));
        List<String> raised = new ArrayList<>();
        for (String access : settings.accessFor(record.jobRole())) {
            raised.add(requests.submit(new RequestForm(settings.accessItem(), "Access for " + record.event().name().toLowerCase()
                    + " " + record.username() + " (" + record.jobRole() + ")",
                    Map.of("group", access, "justification", "HR " + record.event().name().toLowerCase() + ", job role "
                            + record.jobRole()), record.username())).number());
        }
        return new Applied(record.username(), record.event(), raised, List.of());
    }

    private Applied leave(HrRecord record) {
        Person leaver = people.find(record.username()).orElseThrow(() ->
                io.itsmhub.core.ticket.InvalidInputException.of("username", "no user '" + record.username() + "'"));
        people.deactivate(leaver.getUsername());
        String forWhom = leaver.getManager() != null ? leaver.getManager() : null;
        String revoke = requests.submit(new RequestForm(settings.revokeItem(), "Revoke the access of leaver " + leaver.getUsername(),
                Map.of("user", leaver.getUsername(), "justification", "HR leaver"), forWhom)).number();
        List<String> reassigned = new ArrayList<>();
        for (IncidentView i : incidents.list(new IncidentFilter(List.of(IncidentStatus.NEW, IncidentStatus.IN_PROGRESS,
                IncidentStatus.ON_HOLD), null, leaver.getUsername(), null, null, null, null, null, null), Pageable.unpaged()).items()) {
            incidents.assign(i.number(), i.assignmentGroup(), null);
            journal.note(i.number(), ACTOR, leaver.getUsername() + " left: back to " + i.assignmentGroup());
            reassigned.add(i.number());
        }
        for (RequestView r : requests.list(List.of(RequestStatus.SUBMITTED, RequestStatus.AWAITING_APPROVAL,
                RequestStatus.APPROVED, RequestStatus.IN_FULFILMENT), null, null, leaver.getUsername(), Pageable.unpaged()).items()) {
            requests.assign(r.number(), r.assignmentGroup(), null);
            journal.note(r.number(), ACTOR, leaver.getUsername() + " left: back to " + r.assignmentGroup());
            reassigned.add(r.number());
        }
        return new Applied(leaver.getUsername(), record.event(), List.of(revoke), reassigned);
    }
}
