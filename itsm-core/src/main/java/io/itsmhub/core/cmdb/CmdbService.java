package io.itsmhub.core.cmdb;

import io.itsmhub.core.journal.Journal;
import io.itsmhub.core.journal.JournalKeys;
import io.itsmhub.core.journal.JournalMessage;
import io.itsmhub.core.people.PeopleService;
import io.itsmhub.core.common.CurrentUser;
import io.itsmhub.core.common.InvalidInputException;
import io.itsmhub.core.common.PageView;
import io.itsmhub.core.common.Specs;
import io.itsmhub.core.common.TicketNotFoundException;
import io.itsmhub.core.common.TicketSequences;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The only writer of the CMDB. Every change is journaled on the CI's number. */
@Service
@Transactional
public class CmdbService {

    private final ConfigurationItemRepository items;
    private final CiRelationRepository relations;
    private final PeopleService people;
    private final Journal journal;
    private final CurrentUser currentUser;
    private final TicketSequences sequences;
    private final Clock clock;

    public CmdbService(ConfigurationItemRepository items, CiRelationRepository relations, PeopleService people,
                       Journal journal, CurrentUser currentUser, TicketSequences sequences, Clock clock) {
        this.items = items;
        this.relations = relations;
        this.people = people;
        this.journal = journal;
        this.currentUser = currentUser;
        this.sequences = sequences;
        this.clock = clock;
    }

    public CiView create(CiForm form) {
        if (items.findByName(form.name()).isPresent()) {
            throw InvalidInputException.of("name", "a CI named '" + form.name() + "' already exists");
        }
        people.checkUser("owner", form.owner());
        ConfigurationItem ci = new ConfigurationItem(form.name(), form.ciClass(), clock.instant());
        if (form.lifecycle() != null) {
            ci.setLifecycle(form.lifecycle());
        }
        ci.setOwner(form.owner());
        ci.setDescription(form.description());
        if (form.attributes() != null) {
            ci.getAttributes().putAll(form.attributes());
        }
        ci.assignNumber(sequences.next("ci_seq"));
        items.save(ci);
        journal.created(ci.getNumber(), currentUser.username(), JournalMessage.of(JournalKeys.CI_CREATED, ci.getCiClass(), ci.getName()));
        return CiView.of(ci);
    }

    public CiView update(String number, CiUpdate update) {
        ConfigurationItem ci = load(number);
        String actor = currentUser.username();
        if (update.name() != null && !update.name().equals(ci.getName())) {
            if (items.findByName(update.name()).isPresent()) {
                throw InvalidInputException.of("name", "a CI named '" + update.name() + "' already exists");
            }
            journal.fieldChanged(number, actor, "name", ci.getName(), update.name());
            ci.setName(update.name());
        }
        if (update.lifecycle() != null) {
            journal.fieldChanged(number, actor, "lifecycle", ci.getLifecycle(), update.lifecycle());
            ci.setLifecycle(update.lifecycle());
        }
        if (update.owner() != null) {
            people.checkUser("owner", update.owner());
            journal.fieldChanged(number, actor, "owner", ci.getOwner(), update.owner());
            ci.setOwner(update.owner());
        }
        if (update.description() != null) {
            ci.setDescription(update.description());
        }
        if (update.attributes() != null) {
            update.attributes().forEach((name, value) -> setAttribute(ci, name, value, actor));
        }
        ci.touch(clock.instant());
        return CiView.of(ci);
    }

    /** Sets one attribute (null removes it) and journals why, in the hub's words (e.g. the version a change deployed). */
    public CiView setAttribute(String number, String name, String value, JournalMessage reason) {
        ConfigurationItem ci = load(number);
        setAttribute(ci, name, value, currentUser.username());
        if (reason != null) {
            journal.note(number, currentUser.username(), reason);
        }
        ci.touch(clock.instant());
        return CiView.of(ci);
    }

    public RelationView relate(String source, RelationType type, String target) {
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        if (!items.existsByNumber(source)) {
            errors.add(new InvalidInputException.FieldError("source", "no CI " + source));
        }
        if (!items.existsByNumber(target)) {
            errors.add(new InvalidInputException.FieldError("target", "no CI " + target));
        }
        if (source.equals(target)) {
            errors.add(new InvalidInputException.FieldError("target", "a CI cannot relate to itself"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (relations.existsBySourceAndTypeAndTarget(source, type, target)) {
            throw InvalidInputException.of("target", "%s already %s %s".formatted(source, type, target));
        }
        CiRelation relation = relations.save(new CiRelation(source, type, target));
        String actor = currentUser.username();
        JournalMessage line = JournalMessage.of(JournalKeys.CI_RELATION_ADDED, source, type, target);
        journal.note(source, actor, line);
        journal.note(target, actor, line);
        return RelationView.of(relation);
    }

    public void unrelate(String number, long relationId) {
        CiRelation relation = relations.findById(relationId)
                .filter(r -> r.getSource().equals(number) || r.getTarget().equals(number))
                .orElseThrow(() -> new TicketNotFoundException("relation of " + number, String.valueOf(relationId)));
        relations.delete(relation);
        JournalMessage line = JournalMessage.of(JournalKeys.CI_RELATION_REMOVED, relation.getSource(), relation.getType(),
                relation.getTarget());
        journal.note(relation.getSource(), currentUser.username(), line);
        journal.note(relation.getTarget(), currentUser.username(), line);
    }

    @Transactional(readOnly = true)
    public CiView get(String number) {
        return CiView.of(load(number));
    }

    @Transactional(readOnly = true)
    public boolean exists(String number) {
        return items.existsByNumber(number);
    }

    /** The CI of that exact name, e.g. the host named by an alert's {@code instance} label. */
    @Transactional(readOnly = true)
    public java.util.Optional<CiView> findByName(String name) {
        return items.findByName(name).map(CiView::of);
    }

    @Transactional(readOnly = true)
    public PageView<CiView> list(CiClass ciClass, String name, Lifecycle lifecycle, Pageable pageable) {
        Specification<ConfigurationItem> nameLike = name == null ? null
                : (root, q, cb) -> cb.like(cb.lower(root.get("name")), "%" + name.toLowerCase() + "%");
        Specification<ConfigurationItem> spec = Specification.allOf(Specs.eq("ciClass", ciClass),
                Specs.eq("lifecycle", lifecycle), nameLike);
        return PageView.of(items.findAll(spec, pageable), CiView::of);
    }

    @Transactional(readOnly = true)
    public List<RelationView> relationsOf(String number) {
        load(number);
        return relations.findBySourceOrTarget(number, number).stream().map(RelationView::of).toList();
    }

    /** Every CI that needs {@code number}, directly or through others; each once, even when relations form a cycle. */
    @Transactional(readOnly = true)
    public List<CiView> dependents(String number) {
        load(number);
        return walk(number, frontier -> relations.findByTargetIn(frontier).stream().map(CiRelation::getSource).toList());
    }

    /** Every CI that {@code number} needs, directly or through others. */
    @Transactional(readOnly = true)
    public List<CiView> dependencies(String number) {
        load(number);
        return walk(number, frontier -> relations.findBySourceIn(frontier).stream().map(CiRelation::getTarget).toList());
    }

    /** Breadth-first, one query per level; the visited set makes cycles harmless. */
    private List<CiView> walk(String start, Function<Set<String>, List<String>> next) {
        Set<String> visited = new HashSet<>(Set.of(start));
        Set<String> found = new LinkedHashSet<>();
        Set<String> frontier = Set.of(start);
        while (!frontier.isEmpty()) {
            Set<String> nextFrontier = new LinkedHashSet<>();
            for (String n : next.apply(frontier)) {
                if (visited.add(n)) {
                    nextFrontier.add(n);
                    found.add(n);
                }
            }
            frontier = nextFrontier;
        }
        Map<String, ConfigurationItem> byNumber = new java.util.HashMap<>();
        items.findByNumberIn(found).forEach(ci -> byNumber.put(ci.getNumber(), ci));
        return found.stream().map(byNumber::get).filter(java.util.Objects::nonNull).map(CiView::of).toList();
    }

    private void setAttribute(ConfigurationItem ci, String name, String value, String actor) {
        String old = ci.getAttributes().get(name);
        if (value == null) {
            ci.getAttributes().remove(name);
        } else {
            ci.getAttributes().put(name, value);
        }
        journal.fieldChanged(ci.getNumber(), actor, "attributes." + name, old, value);
    }

    private ConfigurationItem load(String number) {
        return items.findByNumber(number).orElseThrow(() -> new TicketNotFoundException("CI", number));
    }
}
