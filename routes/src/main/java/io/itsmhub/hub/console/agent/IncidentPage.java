package io.itsmhub.hub.console.agent;

import io.itsmhub.core.alert.AlertService;
import io.itsmhub.core.cmdb.CmdbService;
import io.itsmhub.core.incident.IncidentService;
import io.itsmhub.core.incident.IncidentView;
import io.itsmhub.core.people.PeopleService;
import io.itsmhub.hub.console.Me;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import io.itsmhub.core.desk.DeskService;
import io.itsmhub.core.field.CustomField;
import io.itsmhub.core.field.CustomFields;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * {@code /agent/incidents/{number}}: what an agent needs to work an incident on one page — its facts, the actions
 * its state allows (see {@link IncidentActions}), the journal newest first, the CIs it touches with what they need
 * and what needs them, and the alerts behind it with a link into Alertmanager.
 */
@Controller
class IncidentPage {

    private final IncidentService incidents;
    private final AlertService alerts;
    private final CmdbService cmdb;
    private final PeopleService people;
    private final DeskService desks;
    private final CustomFields fields;
    private final Clock clock;

    IncidentPage(IncidentService incidents, AlertService alerts, CmdbService cmdb, PeopleService people, DeskService desks,
                 CustomFields fields, Clock clock) {
        this.desks = desks;
        this.fields = fields;
        this.incidents = incidents;
        this.alerts = alerts;
        this.cmdb = cmdb;
        this.people = people;
        this.clock = clock;
    }

    @GetMapping("/agent/incidents/{number}")
    String incident(@PathVariable String number, @ModelAttribute("me") Me me, Model model, Locale locale) {
        IncidentView incident = incidents.get(number);
        Instant now = clock.instant();
        model.addAttribute("incident", incident);
        model.addAttribute("open", incident.status().isOpen());
        model.addAttribute("slaLeft", incident.status().isOpen() && incident.resolutionDue() != null
                ? Duration.between(now, incident.resolutionDue()) : null);
        model.addAttribute("journal", JournalLine.newestFirst(incidents.journal(number), locale));
        model.addAttribute("alerts", alerts.forIncident(number));
        model.addAttribute("linked", LinkedCis.of(cmdb, incident.affectedCi(), incident.service()));
        model.addAttribute("names", People.displayNames(people));
        model.addAttribute("groups", people.allGroups());
        model.addAttribute("assignees", People.assignable(people, incident.assignmentGroup()));
        model.addAttribute("mine", me.username().equals(incident.assignee()));
        model.addAttribute("resolutionCodes", IncidentActions.RESOLUTION_CODES);
        model.addAttribute("deskName", desks.label(incident.desk()));
        model.addAttribute("fieldLabels", fields.effective("incident", incident.desk()).stream().collect(
                java.util.stream.Collectors.toMap(CustomField::name, f -> locale.getLanguage().equals("zh")
                        && f.labelZh() != null ? f.labelZh() : f.label())));
        model.addAttribute("escalateTo", desks.parentOf(incident.desk()).orElse(null));
        return "agent/incident";
    }
}
