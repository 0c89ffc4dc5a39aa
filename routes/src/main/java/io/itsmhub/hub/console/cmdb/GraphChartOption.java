package io.itsmhub.hub.console.cmdb;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The part of Apache ECharts' option that a relation graph uses (series type {@code graph}), as records that
 * Jackson writes as the option JSON; cmdb.js hands it to {@code echarts.init(el).setOption(option)} unchanged.
 * Node {@code url} is ours: clicking a node opens it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record GraphChartOption(Tooltip tooltip, List<Legend> legend, List<Series> series) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Tooltip(String trigger) { }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Legend(List<String> data, String bottom) { }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Series(String type, String layout, boolean roam, boolean draggable, Label label, List<String> edgeSymbol,
                  List<Integer> edgeSymbolSize, Label edgeLabel, Force force, List<Category> categories,
                  List<Node> data, List<Link> links, LineStyle lineStyle, Emphasis emphasis) { }

    /** {@code value} is what the tooltip shows after the name (the CI's class). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Node(String id, String name, String value, int category, int symbolSize, String url) { }

    /** {@code value} is the relation as words; the edge's label shows it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Link(String source, String target, String value, Label label) { }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Label(Boolean show, String position, String formatter, Integer fontSize) { }

    /** {@code layoutAnimation} false: the layout is computed at once and the nodes stay where they are drawn. */
    record Force(int repulsion, int edgeLength, double gravity, boolean layoutAnimation) { }

    record Category(String name) { }

    record LineStyle(double width, double curveness, double opacity) { }

    record Emphasis(String focus) { }
}
