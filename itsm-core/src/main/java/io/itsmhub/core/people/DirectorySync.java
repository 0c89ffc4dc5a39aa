package io.itsmhub.core.people;

import io.itsmhub.core.journal.Journal;
import io.itsmhub.core.journal.JournalKeys;
import io.itsmhub.core.journal.JournalMessage;
import io.itsmhub.core.audit.SecurityEvents;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Brings directory users, their groups and their managers into {@code people}. The directory is the source of truth
 * for the users it owns (source {@code ldap}): their roles follow their groups, and a user gone from the directory is
 * deactivated, never deleted, so that the tickets they raised or worked keep their names. A local account of the same
 * name (the bootstrap {@code admin} above all) is never the directory's: the entry is refused and recorded as a
 * security event, and the directory never switches on a person the hub switched off.
 */
@Service
@Transactional
public class DirectorySync {

    private static final Logger log = LoggerFactory.getLogger(DirectorySync.class);
    public static final String SOURCE = "ldap";
    /** The journal key of sync reports (the journal is keyed by ticket number; this is the directory's "ticket"). */
    public static final String JOURNAL_KEY = "DIRECTORY";
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,100}");

    private final PersonRepository people;
    private final SupportGroupRepository groups;
    private final DirectorySyncRunRepository runs;
    private final DirectorySettings settings;
    private final ManagerRoles managerRoles;
    private final Journal journal;
    private final SecurityEvents securityEvents;
    private final Clock clock;
    private final io.itsmhub.core.desk.DeskService desks;

    DirectorySync(PersonRepository people, SupportGroupRepository groups, DirectorySyncRunRepository runs,
                  DirectorySettings settings, ManagerRoles managerRoles, Journal journal, SecurityEvents securityEvents,
                  Clock clock, io.itsmhub.core.desk.DeskService desks) {
        this.desks = desks;
        this.managerRoles = managerRoles;
        this.people = people;
        this.groups = groups;
        this.runs = runs;
        this.settings = settings;
        this.journal = journal;
        this.securityEvents = securityEvents;
        this.clock = clock;
    }

    /**
     * At login: the person as the directory has them now.
     *
     * @throws LocalAccountClashException when the name is a local account's (recorded as a security event)
     */
    public Person upsert(DirectoryAccount account, String address) {
        Person existing = people.findById(account.username()).orElse(null);
        if (existing != null && existing.isLocalAccount()) {
            securityEvents.record(SecurityEvents.DIRECTORY_CLASH, account.username(), address,
                    "directory login refused: '" + account.username() + "' is a local account of the hub");
            throw new LocalAccountClashException(account.username());
        }
        ensureGroups(account.groups());
        Person person = people.save(apply(account, existing, new ArrayList<>()));
        setManager(person, account.manager());
        return person;
    }

    public DirectorySyncReport syncAll(List<DirectoryAccount> accounts, Collection<String> groupNames, String triggeredBy) {
        DirectorySyncRun run = runs.save(new DirectorySyncRun(triggeredBy, clock.instant()));
        List<String> errors = new ArrayList<>();
        Set<String> allGroups = new LinkedHashSet<>(groupNames);
        accounts.forEach(a -> allGroups.addAll(a.groups()));
        ensureGroups(allGroups);
        Map<String, Person> existing = people.findAllById(accounts.stream().map(DirectoryAccount::username)
                .filter(Objects::nonNull).toList()).stream().collect(Collectors.toMap(Person::getUsername, Function.identity()));
        int added = 0;
        int updated = 0;
        Set<String> seen = new HashSet<>();
        List<Person> synced = new ArrayList<>();
        for (DirectoryAccount account : accounts) {
            if (account.username() == null || !USERNAME.matcher(account.username()).matches()) {
                errors.add("skipped '" + account.username() + "': not a valid username");
                continue;
            }
            if (!seen.add(account.username())) {
                errors.add("skipped a second entry for '" + account.username() + "'");
                continue;
            }
            Person before = existing.get(account.username());
            if (before != null && before.isLocalAccount()) {
                String error = "skipped '" + account.username() + "': a local account of the hub has that name";
                errors.add(error);
                securityEvents.record(SecurityEvents.DIRECTORY_CLASH, account.username(), null,
                        "directory sync by " + triggeredBy + " " + error);
                continue;
            }
            String fingerprint = before == null ? null : fingerprint(before);
            Person person = apply(account, before, errors);
            if (before == null) {
                added++;
            } else if (!fingerprint.equals(fingerprint(person))) {
                updated++;
            }
            synced.add(person);
        }
        synced = people.saveAll(synced); // merged copies for new people (assigned ids): keep working on those
        Map<String, String> managers = accounts.stream().filter(a -> a.manager() != null && a.username() != null)
                .collect(Collectors.toMap(DirectoryAccount::username, DirectoryAccount::manager, (a, b) -> a));
        for (Person person : synced) {
            String manager = managers.get(person.getUsername());
            if (manager != null && !manager.equals(person.getManager()) && !setManager(person, manager)) {
                errors.add(person.getUsername() + ": manager '" + manager + "' is not a known user");
            }
        }
        int deactivated = 0;
        for (Person gone : people.findBySourceAndActiveTrue(SOURCE)) {
            if (!seen.contains(gone.getUsername())) {
                gone.deactivateFromDirectory();
                deactivated++;
            }
        }
        DirectorySyncReport report = new DirectorySyncReport(null, triggeredBy, null, null, added, updated, deactivated,
                allGroups.size(), errors);
        run.finish(report, clock.instant());
        journal.note(JOURNAL_KEY, triggeredBy, JournalMessage.of(JournalKeys.DIRECTORY_SYNC, added, updated, deactivated,
                allGroups.size(), errors.size()));
        return run.report();
    }

    @Transactional(readOnly = true)
    public List<DirectorySyncReport> recent() {
        return runs.findTop20ByOrderByIdDesc().stream().map(DirectorySyncRun::report).toList();
    }

    private Person apply(DirectoryAccount account, Person existing, List<String> errors) {
        Set<Role> before = existing == null ? Set.of() : Set.copyOf(existing.getRoles());
        Person person = existing != null ? existing : new Person(account.username(),
                account.displayName() == null ? account.username() : account.displayName(), clock.instant());
        person.setDisplayName(account.displayName() == null ? account.username() : account.displayName());
        person.setEmail(account.email());
        person.setPhone(account.phone());
        if (account.disabled()) {
            person.deactivateFromDirectory();
        } else {
            person.reactivateFromDirectory();
        }
        person.setSource(SOURCE);
        Set<Role> mapped = settings.rolesFor(account.groups());
        Set<Role> roles = managerRoles.resolve(mapped, before);
        if (!roles.equals(mapped)) {
            String why = "%s: the directory groups give both change-manager and release-manager; kept %s (%s)"
                    .formatted(account.username(), roles.stream().map(Role::id).sorted().toList(), ManagerRoles.message());
            log.warn(why);
            errors.add(why);
        }
        person.setRoles(roles);
        person.setGroups(account.groups());
        desks.changed(); // the groups decide which desks the person sees
        return person;
    }

    private boolean setManager(Person person, String manager) {
        if (manager == null || manager.equals(person.getUsername()) || !people.existsById(manager)) {
            return manager == null;
        }
        person.setManager(manager);
        return true;
    }

    private void ensureGroups(Collection<String> names) {
        for (String name : names) {
            if (!groups.existsById(name)) {
                groups.save(new SupportGroup(name, "from the directory", null));
            }
        }
    }

    private static String fingerprint(Person p) {
        return String.join("|", p.getDisplayName(), String.valueOf(p.getEmail()), String.valueOf(p.getPhone()),
                String.valueOf(p.isActive()), new java.util.TreeSet<>(p.getGroups()).toString(),
                new java.util.TreeSet<>(p.getRoles()).toString());
    }
}
