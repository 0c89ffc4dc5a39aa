package io.itsmhub.core.desk;

import io.itsmhub.core.common.InvalidInputException;
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

    DeskService(ServiceDeskRepository desks, JdbcTemplate jdbc) {
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
        return view(load(code), childrenByParent(), groupsByDesk());
    }

    /** Creates or changes a desk; refuses an unknown parent, a second root, and a move below its own descendants. */
    public DeskView save(String code, DeskForm form) {
        boolean root = ROOT.equals(code);
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
        return get(code);
    }

    /** Puts a support group on a desk (a group belongs to one desk). */
    public void placeGroup(String group, String code) {
        load(code);
        if (jdbc.update("UPDATE support_group SET desk_code = ? WHERE name = ?", code, group) == 0) {
            throw InvalidInputException.of("group", "no group " + group);
        }
    }

    /** The desks that members of {@code groups} see: each group's desk, and below it while desks see their children. */
    @Transactional(readOnly = true)
    public DeskScope scopeOfGroups(Set<String> groups) {
        if (groups.isEmpty()) {
            return new DeskScope(false, Set.of());
        }
        Map<String, String> deskOfGroup = new java.util.HashMap<>();
        jdbc.query("SELECT name, desk_code FROM support_group", rs -> {
            deskOfGroup.put(rs.getString("name"), rs.getString("desk_code"));
        });
        // one read of the tree for all groups: this answers every read path, so it stays a single query
        Map<String, ServiceDesk> byCode = desks.findAll().stream()
                .collect(Collectors.toMap(ServiceDesk::getCode, d -> d));
        Map<String, List<ServiceDesk>> children = byCode.values().stream().filter(d -> d.getParentCode() != null)
                .collect(Collectors.groupingBy(ServiceDesk::getParentCode));
        Set<String> seen = new TreeSet<>();
        for (String group : groups) {
            ServiceDesk desk = byCode.get(deskOfGroup.get(group));
            if (desk != null) {
                seen.add(desk.getCode());
                if (desk.isSeesChildren()) {
                    seen.addAll(below(desk.getCode(), children));
                }
            }
        }
        return new DeskScope(false, seen);
    }

    /** Every desk below {@code code}, at any depth. */
    @Transactional(readOnly = true)
    public Set<String> descendants(String code) {
        return below(code, childrenByParent());
    }

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

    private static DeskView view(ServiceDesk desk, Map<String, List<ServiceDesk>> children, Map<String, List<String>> groups) {
        List<DeskView> below = children.getOrDefault(desk.getCode(), List.of()).stream()
                .sorted(Comparator.comparing(ServiceDesk::getCode)).map(d -> view(d, children, groups)).toList();
        return new DeskView(desk.getCode(), desk.getName(), desk.getParentCode(), desk.isSeesChildren(),
                groups.getOrDefault(desk.getCode(), List.of()), below);
    }
}
