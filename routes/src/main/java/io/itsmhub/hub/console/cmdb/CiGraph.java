package io.itsmhub.hub.console.cmdb;

import io.itsmhub.core.cmdb.CiView;
import io.itsmhub.core.cmdb.CmdbService;
import io.itsmhub.core.cmdb.RelationType;
import io.itsmhub.core.cmdb.RelationView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The neighbourhood of one CI: the CI, everything it needs and everything that needs it (both transitively, as
 * the CMDB walks them), and the relations among those CIs. Very large neighbourhoods are cut to the nearest
 * {@link #LIMIT} on each side, so that the page and the graph stay readable.
 */
record CiGraph(CiView centre, List<CiView> needs, List<CiView> neededBy, List<Edge> edges, boolean truncated) {

    static final int LIMIT = 60;

    /** One relation, read "source TYPE target": the source needs the target. */
    record Edge(long id, CiView source, RelationType type, CiView target) {

        public boolean touches(String number) {
            return source.number().equals(number) || target.number().equals(number);
        }
    }

    static CiGraph of(CmdbService cmdb, CiView centre) {
        List<CiView> needs = cmdb.dependencies(centre.number());
        List<CiView> neededBy = cmdb.dependents(centre.number());
        boolean truncated = needs.size() > LIMIT || neededBy.size() > LIMIT;
        needs = needs.subList(0, Math.min(LIMIT, needs.size()));
        neededBy = neededBy.subList(0, Math.min(LIMIT, neededBy.size()));

        Map<String, CiView> nodes = nodes(centre, needs, neededBy);
        Set<Long> seen = new HashSet<>();
        List<Edge> edges = new ArrayList<>();
        for (String number : nodes.keySet()) {
            for (RelationView r : cmdb.relationsOf(number)) {
                if (nodes.containsKey(r.source()) && nodes.containsKey(r.target()) && seen.add(r.id())) {
                    edges.add(new Edge(r.id(), nodes.get(r.source()), r.type(), nodes.get(r.target())));
                }
            }
        }
        // the CI's own relations first, then the rest as they read: by source name, then target name
        edges.sort(Comparator.comparing((Edge e) -> !e.touches(centre.number()))
                .thenComparing(e -> e.source().name()).thenComparing(e -> e.target().name()).thenComparing(Edge::type));
        return new CiGraph(centre, needs, neededBy, List.copyOf(edges), truncated);
    }

    /** The CI first, then what it needs, then what needs it; each once. */
    List<CiView> nodes() {
        return List.copyOf(nodes(centre, needs, neededBy).values());
    }

    private static Map<String, CiView> nodes(CiView centre, List<CiView> needs, List<CiView> neededBy) {
        Map<String, CiView> nodes = new LinkedHashMap<>();
        nodes.put(centre.number(), centre);
        needs.forEach(ci -> nodes.putIfAbsent(ci.number(), ci));
        neededBy.forEach(ci -> nodes.putIfAbsent(ci.number(), ci));
        return nodes;
    }

    public boolean empty() {
        return edges.isEmpty();
    }
}
