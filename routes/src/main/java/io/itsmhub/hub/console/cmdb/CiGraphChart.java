package io.itsmhub.hub.console.cmdb;

import io.itsmhub.core.cmdb.CiClass;
import io.itsmhub.core.cmdb.CiView;
import io.itsmhub.core.cmdb.RelationType;
import io.itsmhub.hub.console.cmdb.GraphChartOption.Category;
import io.itsmhub.hub.console.cmdb.GraphChartOption.Emphasis;
import io.itsmhub.hub.console.cmdb.GraphChartOption.Force;
import io.itsmhub.hub.console.cmdb.GraphChartOption.Label;
import io.itsmhub.hub.console.cmdb.GraphChartOption.Legend;
import io.itsmhub.hub.console.cmdb.GraphChartOption.LineStyle;
import io.itsmhub.hub.console.cmdb.GraphChartOption.Link;
import io.itsmhub.hub.console.cmdb.GraphChartOption.Node;
import io.itsmhub.hub.console.cmdb.GraphChartOption.Series;
import io.itsmhub.hub.console.cmdb.GraphChartOption.Tooltip;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Draws a {@link CiGraph} as an ECharts force-directed graph: the CI itself large in the middle, what it needs and
 * what needs it in two colours (the legend names them), arrows from the CI that needs to the CI it needs, each
 * edge labelled with its relation.
 */
final class CiGraphChart {

    /** The words the chart shows, in the viewer's language. */
    interface Words {
        String category(String key);

        String ciClass(CiClass ciClass);

        String relation(RelationType type);
    }

    private CiGraphChart() { }

    static GraphChartOption option(CiGraph graph, Words words, Function<String, String> urlOf) {
        List<String> categories = List.of(words.category("centre"), words.category("needs"), words.category("neededBy"));
        Set<String> needs = new HashSet<>();
        graph.needs().forEach(ci -> needs.add(ci.number()));
        List<Node> nodes = graph.nodes().stream().map(ci -> new Node(ci.number(), ci.name(), words.ciClass(ci.ciClass()),
                category(graph.centre(), needs, ci), ci.number().equals(graph.centre().number()) ? 48 : 32,
                urlOf.apply(ci.number()))).toList();
        List<Link> links = graph.edges().stream().map(e -> {
            String relation = words.relation(e.type());
            return new Link(e.source().number(), e.target().number(), relation, new Label(true, null, relation, null));
        }).toList();
        Series series = new Series("graph", "force", false, true,
                new Label(true, "bottom", null, 12), List.of("none", "arrow"), List.of(4, 10),
                new Label(true, null, null, 11), new Force(320, 140, 0.08, false),
                categories.stream().map(Category::new).toList(), nodes, links,
                new LineStyle(1.5, 0.05, 0.8), new Emphasis("adjacency"));
        return new GraphChartOption(new Tooltip("item"), List.of(new Legend(categories, "0")), List.of(series));
    }

    private static int category(CiView centre, Set<String> needs, CiView ci) {
        if (ci.number().equals(centre.number())) {
            return 0;
        }
        return needs.contains(ci.number()) ? 1 : 2;
    }
}
