package io.itsmhub.core.desk;

import io.itsmhub.core.common.CurrentUser;
import io.itsmhub.core.common.ForbiddenActionException;
import io.itsmhub.core.common.InvalidInputException;
import io.itsmhub.core.common.ShortMemory;
import io.itsmhub.core.common.TicketNotFoundException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The desk tree and its rules: one root (the head office, {@value #ROOT}), no cycles, a parent that exists; which
 * desks a set of groups sees ({@link #scopeOfGroups}). The only writer of desks and of a group's desk.
 */
@Service
@Transactional
public class DeskService {

    /** The head office: the root every other desk hangs below, created by the schema. */
    public static final String ROOT = "HQ";

    private final ServiceDeskRepository desks;
    private final JdbcTemplate jdbc;
    /** How long another hub's change to the tree may take to be seen here. */
    private final ShortMemory<String, Tree> remembered = new ShortMemory<>(1);
    /** Bumped by every change on this hub that may change who sees which desk; what depends on it reads again. */
    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();

    /** The tree, a group's desk, someone's groups or home desk changed on this hub: forget what was read. */
    public void changed() {
        remembered.forget();
        generation.incrementAndGet();
    }

    /** Changes with every {@link #changed()}: a reader that remembers something compares it. */
    public long generation() {
        return generation.get();
    }

    private final jakarta.persistence.EntityManager entityManager;
    private final CurrentUser currentUser;

    DeskService(ServiceDeskRepository desks, JdbcTemplate jdbc, jakarta.persistence.EntityManager entityManager,
                CurrentUser currentUser) {
        this.entityManager = entityManager;
        this.currentUser = currentUser;
        this.desks = desks;
        this.jdbc = jdbc;
    }

    /** The whole tree from the head office down, children in code order. */
    @Transactional(readOnly = true)
    public DeskView tree() {
        return get(ROOT);
    }

    @Transactional(readOnly = true)
    public DeskView get(String code) {
        return view(load(code), childrenByParent(), groupsByDesk(), adminsByDesk());
    }

    /** Creates or changes a desk; refuses an unknown parent, a second root, and a move below its own descendants. */
    public DeskView save(String code, DeskForm form) {
        boolean root = ROOT.equals(code);
        ServiceDesk existing = desks.findById(code).orElse(null);
        boolean moved = existing == null || !java.util.Objects.equals(existing.getParentCode(), form.parent());
        // a new or moved desk changes its parent's part of the tree; an edit in place, only its own
        checkAdministers(root || !moved ? code : form.parent());
        if (root && form.parent() != null) {
            throw InvalidInputException.of("parent", "the head office is the root of the tree: it has no parent");
        }
        if (!root && form.parent() == null) {
            throw InvalidInputException.of("parent", "is required: every desk but the head office hangs below another");
        }
        if (!root && !desks.existsById(form.parent())) {
            throw InvalidInputException.of("parent", "no desk " + form.parent());
        }
        if (!root && (form.parent().equals(code) || descendants(code).contains(form.parent()))) {
            throw InvalidInputException.of("parent", form.parent() + " is below " + code + ": the tree would have a cycle");
        }
        ServiceDesk desk = desks.findById(code).orElseGet(() -> new ServiceDesk(code));
        desk.update(form.name(), form.parent(), form.seesChildren() == null || form.seesChildren());
        desks.save(desk);
        changed();
        return get(code);
    }

    /** Puts a support group on a desk (a group belongs to one desk). */
    public void placeGroup(String group, String code) {
        load(code);
        checkAdministers(code);
        String from = jdbc.query("SELECT desk_code FROM support_group WHERE name = ?",
                rs -> rs.next() ? rs.getString(1) : null, group);
        if (from != null) {
            checkAdministers(from); // nobody takes a group from a desk they do not administer
        }
        entityManager.flush(); // a group saved earlier in this transaction is still only in the persistence context
        if (jdbc.update("UPDATE support_group SET desk_code = ? WHERE name = ?", code, group) == 0) {
            throw InvalidInputException.of("group", "no group " + group);
        }
        changed();
    }

    /**
     * Refuses (403) a caller who administers neither {@code code} nor a desk above it. Administrators of the hub and
     * the hub itself administer every desk.
     */
    @Transactional(readOnly = true)
    public void checkAdministers(String code) {
        if (!administers(code)) {
            throw new ForbiddenActionException(currentUser.username() + " is not an administrator of desk " + code
                    + " or of a desk above it");
        }
    }

    @Transactional(readOnly = true)
    public boolean administers(String code) {
        if (currentUser.isSystem() || currentUser.hasRole("ADMIN")) {
            return true;
        }
        List<String> path = pathToRoot(code);
        return !path.isEmpty() && !jdbc.queryForList("SELECT desk_code FROM service_desk_admin WHERE username = ?",
                String.class, currentUser.username()).stream().filter(path::contains).toList().isEmpty();
    }

    /** Makes {@code username} an administrator of {@code code} (and so of the desks below it). */
    public DeskView addAdmin(String code, String username) {
        load(code);
        checkAdministers(code);
        Integer person = jdbc.queryForObject("SELECT COUNT(*) FROM person WHERE username = ?", Integer.class, username);
        if (person == null || person == 0) {
            throw InvalidInputException.of("username", "no user " + username);
        }
        Integer already = jdbc.queryForObject("SELECT COUNT(*) FROM service_desk_admin WHERE desk_code = ? AND username = ?",
                Integer.class, code, username);
        if (already == null || already == 0) {
            jdbc.update("INSERT INTO service_desk_admin (desk_code, username) VALUES (?, ?)", code, username);
        }
        return get(code);
    }

    public DeskView removeAdmin(String code, String username) {
        load(code);
        checkAdministers(code);
        jdbc.update("DELETE FROM service_desk_admin WHERE desk_code = ? AND username = ?", code, username);
        return get(code);
    }

    /** The desks that members of {@code groups} see: each group's desk, and below it while desks see their children. */
    @Transactional(readOnly = true)
    public DeskScope scopeOfGroups(Set<String> groups) {
        return scopeOf(groups, null);
    }

    /**
     * What a person sees: their groups' desks and their home desk (the head office for a person with neither, as on
     * a hub of one desk), each with the desks below it where the desk sees its children. A scope that covers every
     * desk is {@link DeskScope#ALL}, so the head office's lists cost no desk filter.
     */
    @Transactional(readOnly = true)
    public DeskScope scopeOf(Set<String> groups, String homeDesk) {
        Tree cachedTree = tree(false);
        // a group made since the tree was read is not in it yet: read again rather than see too little
        Tree tree = cachedTree.deskOfGroup().keySet().containsAll(groups) ? cachedTree : tree(true);
        Set<String> roots = new TreeSet<>();
        for (String group : groups) {
            String desk = tree.deskOfGroup().get(group);
            if (desk != null) {
                roots.add(desk);
            }
        }
        if (homeDesk != null && tree.byCode().containsKey(homeDesk)) {
            roots.add(homeDesk);
        }
        if (roots.isEmpty() && groups.isEmpty()) {
            roots.add(ROOT);
        }
        Set<String> seen = new TreeSet<>();
        for (String code : roots) {
            seen.add(code);
            if (tree.byCode().get(code).isSeesChildren()) {
                seen.addAll(below(code, tree.children()));
            }
        }
        return seen.containsAll(tree.byCode().keySet()) ? DeskScope.ALL : new DeskScope(false, seen);
    }

    /** {@code code} and its ancestors up to the head office, nearest first: where a desk's settings are inherited from. */
    @Transactional(readOnly = true)
    public List<String> pathToRoot(String code) {
        Tree tree = tree(false);
        List<String> path = new ArrayList<>();
        for (ServiceDesk desk = tree.byCode().get(code); desk != null && !path.contains(desk.getCode());
             desk = desk.getParentCode() == null ? null : tree.byCode().get(desk.getParentCode())) {
            path.add(desk.getCode());
        }
        return path;
    }

    /** The desk a ticket escalates to from {@code code}; empty at the head office. */
    @Transactional(readOnly = true)
    public java.util.Optional<String> parentOf(String code) {
        return java.util.Optional.ofNullable(tree(false).byCode().get(code)).map(ServiceDesk::getParentCode);
    }

    /** A desk as people read it: "Shanghai branch (SH)"; the bare code for an unknown desk. */
    @Transactional(readOnly = true)
    public String label(String code) {
        ServiceDesk desk = tree(false).byCode().get(code);
        return desk == null ? code : desk.getName() + " (" + code + ")";
    }

    /** True when the desk exists. */
    @Transactional(readOnly = true)
    public boolean exists(String code) {
        return tree(false).byCode().containsKey(code);
    }

    /** The group's desk, or empty for an unknown group. */
    @Transactional(readOnly = true)
    public java.util.Optional<String> deskOfGroup(String group) {
        return java.util.Optional.ofNullable(tree(false).deskOfGroup().get(group));
    }

    /** Every desk below {@code code}, at any depth. */
    @Transactional(readOnly = true)
    public Set<String> descendants(String code) {
        return below(code, tree(true).children());
    }

    /**
     * The tree as every read path needs it, read at most once per {@link ShortMemory#HOLD} per hub: a desk's visibility is
     * asked on every list and page. A change on this hub is seen at once; another hub's within the TTL.
     */
    private Tree tree(boolean fresh) {
        if (fresh) {
            remembered.forget();
        }
        return remembered.get(ROOT, root -> readTree());
    }

    private Tree readTree() {
        Map<String, String> deskOfGroup = new java.util.HashMap<>();
        jdbc.query("SELECT name, desk_code FROM support_group", rs -> {
            deskOfGroup.put(rs.getString("name"), rs.getString("desk_code"));
        });
        Map<String, ServiceDesk> byCode = desks.findAll().stream()
                .collect(Collectors.toMap(ServiceDesk::getCode, d -> d));
        Map<String, List<ServiceDesk>> children = byCode.values().stream().filter(d -> d.getParentCode() != null)
                .collect(Collectors.groupingBy(ServiceDesk::getParentCode));
        return new Tree(Map.copyOf(byCode), children, Map.copyOf(deskOfGroup));
    }

    private record Tree(Map<String, ServiceDesk> byCode, Map<String, List<ServiceDesk>> children,
                        Map<String, String> deskOfGroup) { }

    private static Set<String> below(String code, Map<String, List<ServiceDesk>> children) {
        Set<String> found = new HashSet<>();
        Deque<ServiceDesk> open = new ArrayDeque<>(children.getOrDefault(code, List.of()));
        while (!open.isEmpty()) {
            ServiceDesk next = open.pop();
            if (found.add(next.getCode())) {
                open.addAll(children.getOrDefault(next.getCode(), List.of()));
            }
        }
        return found;
    }

    private Map<String, List<ServiceDesk>> childrenByParent() {
        return desks.findAll().stream().filter(d -> d.getParentCode() != null)
                .collect(Collectors.groupingBy(ServiceDesk::getParentCode));
    }

    private ServiceDesk load(String code) {
        return desks.findById(code).orElseThrow(() -> new TicketNotFoundException("desk", code));
    }

    private Map<String, List<String>> groupsByDesk() {
        Map<String, List<String>> groups = new java.util.HashMap<>();
        jdbc.query("SELECT name, desk_code FROM support_group ORDER BY name", rs -> {
            groups.computeIfAbsent(rs.getString("desk_code"), d -> new ArrayList<>()).add(rs.getString("name"));
        });
        return groups;
    }

    private Map<String, List<String>> adminsByDesk() {
        Map<String, List<String>> admins = new java.util.HashMap<>();
        jdbc.query("SELECT desk_code, username FROM service_desk_admin ORDER BY username", rs -> {
            admins.computeIfAbsent(rs.getString("desk_code"), d -> new ArrayList<>()).add(rs.getString("username"));
        });
        return admins;
    }

    private static DeskView view(ServiceDesk desk, Map<String, List<ServiceDesk>> children, Map<String, List<String>> groups,
                                 Map<String, List<String>> admins) {
        List<DeskView> below = children.getOrDefault(desk.getCode(), List.of()).stream()
                .sorted(Comparator.comparing(ServiceDesk::getCode)).map(d -> view(d, children, groups, admins)).toList();
        return new DeskView(desk.getCode(), desk.getName(), desk.getParentCode(), desk.isSeesChildren(),
                groups.getOrDefault(desk.getCode(), List.of()), admins.getOrDefault(desk.getCode(), List.of()), below);
    }
}
