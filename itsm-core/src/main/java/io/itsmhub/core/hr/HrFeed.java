package io.itsmhub.core.hr;

import io.itsmhub.core.incident.IncidentFilter;
import io.itsmhub.core.incident.IncidentService;
import io.itsmhub.core.incident.IncidentStatus;
import io.itsmhub.core.incident.IncidentView;
import io.itsmhub.core.journal.Journal;
import io.itsmhub.core.journal.JournalKeys;
import io.itsmhub.core.journal.JournalMessage;
import io.itsmhub.core.people.PeopleService;
import io.itsmhub.core.people.Person;
import io.itsmhub.core.people.PersonForm;
import io.itsmhub.core.people.Role;
import io.itsmhub.core.request.RequestForm;
import io.itsmhub.core.request.RequestService;
import io.itsmhub.core.request.RequestStatus;
import io.itsmhub.core.request.RequestView;
import io.itsmhub.core.common.InvalidInputException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies a batch of HR records in one transaction, all or nothing, each record once (see {@link AppliedRecords}). A joiner becomes a person and gets an access request per group of their
 * job role; a mover is updated and gets the requests of a new role; a leaver is deactivated, a revocation request is
 * raised, and their open incidents and requests go back to their group unassigned.
 */
@Service
@Transactional
public class HrFeed {

    /** What a record did; {@code alreadyApplied} when it was applied before, with the requests it raised then. */
    public record Applied(String username, HrRecord.Event event, List<String> requests, List<String> reassigned,
                          boolean alreadyApplied) { }

    private static final String ACTOR = "hr";

    private final PeopleService people;
    private final RequestService requests;
    private final IncidentService incidents;
    private final HrSettings settings;
    private final Journal journal;
    private final AppliedRecords applied;
    private final Validator validator;

    HrFeed(PeopleService people, RequestService requests, IncidentService incidents, HrSettings settings, Journal journal,
           AppliedRecords applied, Validator validator) {
        this.applied = applied;
        this.validator = validator;
        this.people = people;
        this.requests = requests;
        this.incidents = incidents;
        this.settings = settings;
        this.journal = journal;
    }

    public Applied apply(HrRecord record) {
        return applyAll(List.of(record)).get(0);
    }

    /**
     * Applies every record or none: a record that cannot be applied (a leaver nobody knows) fails the batch with its
     * index in the field name ({@code [3].username}), and the records before it are rolled back with it.
     */
    public List<Applied> applyAll(List<HrRecord> records) {
        check(records);
        List<Applied> done = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            HrRecord record = records.get(i);
            String key = AppliedRecords.key(record);
            Optional<AppliedRecords.Earlier> earlier = applied.earlier(key);
            if (earlier.isPresent()) {
                done.add(new Applied(record.username(), record.event(), earlier.get().requests(), List.of(), true));
                continue;
            }
            applied.mark(key, record);
            try {
                Applied outcome = applyOne(record);
                applied.done(key, outcome.requests());
                done.add(outcome);
            } catch (InvalidInputException e) {
                String at = "[" + i + "].";
                throw new InvalidInputException(e.errors().stream()
                        .map(f -> new InvalidInputException.FieldError(at + f.field(), f.message())).toList());
            }
        }
        return done;
    }

    /** Every record is checked before any is applied, so that a batch with a bad line changes nothing. */
    private void check(List<HrRecord> records) {
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            for (ConstraintViolation<HrRecord> v : validator.validate(records.get(i))) {
                errors.add(new InvalidInputException.FieldError("[" + i + "]." + v.getPropertyPath(), v.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private Applied applyOne(HrRecord record) {
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
        return new Applied(record.username(), record.event(), raised, List.of(), false);
    }

    private Applied leave(HrRecord record) {
        Person leaver = people.find(record.username()).orElseThrow(() ->
                InvalidInputException.of("username", "no user '" + record.username() + "'"));
        people.deactivate(leaver.getUsername());
        String forWhom = leaver.getManager() != null ? leaver.getManager() : null;
        String revoke = requests.submit(new RequestForm(settings.revokeItem(), "Revoke the access of leaver " + leaver.getUsername(),
                Map.of("user", leaver.getUsername(), "justification", "HR leaver"), forWhom)).number();
        List<String> reassigned = new ArrayList<>();
        for (IncidentView i : incidents.list(new IncidentFilter(List.of(IncidentStatus.NEW, IncidentStatus.IN_PROGRESS,
                IncidentStatus.ON_HOLD), null, leaver.getUsername(), null, null, null, null, null, null), Pageable.unpaged()).items()) {
            incidents.assign(i.number(), i.assignmentGroup(), null);
            journal.note(i.number(), ACTOR, JournalMessage.of(JournalKeys.HR_LEAVER_RETURNED, leaver.getUsername(),
                    i.assignmentGroup()));
            reassigned.add(i.number());
        }
        for (RequestView r : requests.list(List.of(RequestStatus.SUBMITTED, RequestStatus.AWAITING_APPROVAL,
                RequestStatus.APPROVED, RequestStatus.IN_FULFILMENT), null, null, leaver.getUsername(), Pageable.unpaged()).items()) {
            requests.assign(r.number(), r.assignmentGroup(), null);
            journal.note(r.number(), ACTOR, JournalMessage.of(JournalKeys.HR_LEAVER_RETURNED, leaver.getUsername(),
                    r.assignmentGroup()));
            reassigned.add(r.number());
        }
        return new Applied(leaver.getUsername(), record.event(), List.of(revoke), reassigned, false);
    }
}
