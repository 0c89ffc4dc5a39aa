package io.itsmhub.hub.console.cmdb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.itsmhub.core.change.ChangeService;
import io.itsmhub.core.cmdb.CiClass;
import io.itsmhub.core.cmdb.CiView;
import io.itsmhub.core.cmdb.CmdbService;
import io.itsmhub.core.cmdb.RelationType;
import io.itsmhub.core.incident.IncidentFilter;
import io.itsmhub.core.incident.IncidentService;
import io.itsmhub.core.security.Roles;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * One CI: its facts and attributes, its relations as a graph (ECharts, drawn by cmdb.js from the option JSON in
 * the chart's {@code data-option}) and the same relations as a list, and the tickets that name it: incidents with
 * it as affected CI or service, changes that target it.
 */
@Controller
class CiPage {

    /** The most recent tickets of each kind shown on the page. */
    static final int TICKETS = 20;

    private final CmdbService cmdb;
    private final IncidentService incidents;
    private final ChangeService changes;
    private final MessageSource messages;
    private final ObjectMapper json;

    CiPage(CmdbService cmdb, IncidentService incidents, ChangeService changes, MessageSource messages, ObjectMapper json) {
        this.cmdb = cmdb;
        this.incidents = incidents;
        this.changes = changes;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping("/cmdb/{number}")
    @PreAuthorize(Roles.STAFF)
    String ci(@PathVariable String number, Model model, Locale locale, HttpServletRequest request)
            throws JsonProcessingException {
        CiView ci = cmdb.get(number);
        CiGraph graph = CiGraph.of(cmdb, ci);
        PageRequest recent = PageRequest.of(0, TICKETS, Sort.by(Sort.Direction.DESC, "createdAt"));
        model.addAttribute("ci", ci);
        model.addAttribute("graph", graph);
        model.addAttribute("chart", json.writeValueAsString(CiGraphChart.option(graph, words(locale),
                n -> request.getContextPath() + "/cmdb/" + n)));
        model.addAttribute("incidents", incidents.list(new IncidentFilter(null, null, null, null, null, null, number,
                null, null), recent).items());
        model.addAttribute("changes", changes.list(null, null, null, number, recent).items());
        return "cmdb/ci";
    }

    private CiGraphChart.Words words(Locale locale) {
        return new CiGraphChart.Words() {
            @Override
            public String category(String key) {
                return messages.getMessage("cmdb.graph." + key, null, locale);
            }

            @Override
            public String ciClass(CiClass ciClass) {
                return messages.getMessage("cmdb.class." + ciClass, null, ciClass.name(), locale);
            }

            @Override
            public String relation(RelationType type) {
                return messages.getMessage("cmdb.relation." + type, null, type.name(), locale);
            }
        };
    }
}
