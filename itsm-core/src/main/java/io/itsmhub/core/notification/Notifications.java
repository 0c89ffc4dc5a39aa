package io.itsmhub.core.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.itsmhub.core.change.ChangeService;
import io.itsmhub.core.change.ChangeView;
import io.itsmhub.core.incident.IncidentService;
import io.itsmhub.core.incident.IncidentView;
import io.itsmhub.core.journal.Journal;
import io.itsmhub.core.notification.NotificationEvents.NotificationRequested;
import io.itsmhub.core.notification.NotificationSettings.Rule;
import io.itsmhub.core.outbox.Outbox;
import io.itsmhub.core.outbox.OutboxEvent;
import io.itsmhub.core.people.PeopleService;
import io.itsmhub.core.people.Person;
import io.itsmhub.core.request.RequestService;
import io.itsmhub.core.request.RequestView;
import io.itsmhub.core.ticket.Priority;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Plans notifications: a ticket event, the rules that match it, their recipients resolved to addresses in each
 * channel, each message rendered in its reader's language and published as its own outbox event.
 */
@Service
@Transactional
public class Notifications {

    /** The ticket events planning listens to. */
    public static final Set<String> TRIGGERS = Set.of("IncidentCreated", "IncidentAssigned", "IncidentFlapping",
            "RequestApprovalRequested", "RequestApproved", "RequestRejected", "RequestTransitioned", "ReleaseFinished",
            "ChangeSuspected", "IncidentSlaBreached", "RequestSlaBreached", "FulfilmentFailed", "CommentAdded");
    static final Set<String> CHAT = Set.of("dingtalk", "wecom", "slack");

    /** {@code author}: who wrote what the message carries; they are not told of their own words. */
    private record Context(String event, Priority priority, Map<String, String> values, Map<String, String> people,
                           String author) {
        Context(String event, Priority priority, Map<String, String> values, Map<String, String> people) {
            this(event, priority, values, people, null);
        }

        Context by(String author) {
            return new Context(event, priority, values, people, author);
        }
    }

    private record Delivery(String channel, String address, String language) { }

    private final NotificationSettings settings;
    private final IncidentService incidents;
    private final RequestService requests;
    private final ChangeService changes;
    private final PeopleService people;
    private final Outbox outbox;
    private final Journal journal;
    private final ObjectMapper json;
    private final String publicUrl;

    Notifications(NotificationSettings settings, IncidentService incidents, RequestService requests,
                  ChangeService changes, PeopleService people, Outbox outbox, Journal journal, ObjectMapper json,
                  @Value("${hub.public-url:http://localhost:8080}") String publicUrl) {
        this.settings = settings;
        this.incidents = incidents;
        this.requests = requests;
        this.changes = changes;
        this.people = people;
        this.outbox = outbox;
        this.journal = journal;
        this.json = json;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    /** Publishes one NotificationRequested per matching rule, channel and address; returns how many. */
    public int plan(OutboxEvent event) throws IOException {
        JsonNode payload = json.readTree(event.payload());
        List<Context> contexts = contexts(event.type(), event.ticketNumber(), payload);
        Map<Delivery, NotificationRequested> planned = new LinkedHashMap<>();
        for (Context context : contexts) {
            for (Rule rule : settings.rules()) {
                if (!rule.matches(context.event(), context.priority())) {
                    continue;
                }
                for (String channel : rule.channels()) {
                    for (Delivery delivery : deliveries(channel, rule.recipients(), context)) {
                        NotificationTemplates.Message message = NotificationTemplates.render(context.event(),
                                delivery.language(), context.values());
                        planned.putIfAbsent(delivery, new NotificationRequested(event.ticketNumber(), context.event(),
                                channel, delivery.address(), delivery.language(), message.subject(), message.text(),
                                channel.equals("email") ? message.html() : null, context.values().get("link")));
                    }
                }
            }
        }
        planned.values().forEach(n -> outbox.publish(n.ticket(), n));
        return planned.size();
    }

    /** A message went out: one journal line on its ticket. */
    public void sent(NotificationRequested n, long millis, int attempt) {
        journal.externalCall(n.ticket(), n.channel(), "notify " + n.event(), "sent to " + masked(n), millis, attempt);
    }

    public void failed(NotificationRequested n, String error, long millis, int attempt) {
        journal.externalCall(n.ticket(), n.channel(), "notify " + n.event(), "failed for " + masked(n) + ": " + error,
                millis, attempt);
    }

    public void skipped(NotificationRequested n, String why) {
        journal.note(n.ticket(), n.channel(), "Notification " + n.event() + " not sent: " + why);
    }

    private List<Context> contexts(String type, String number, JsonNode payload) {
        List<Context> found = new ArrayList<>();
        switch (type) {
            case "IncidentCreated" -> {
                IncidentView i = incidents.get(number);
                found.add(incident("incident-created", i, payload));
                if (i.priority() == Priority.P1) {
                    found.add(incident("major-incident", i, payload));
                }
            }
            case "IncidentAssigned" -> found.add(incident("incident-assigned", incidents.get(number), payload));
            case "IncidentFlapping" -> found.add(incident("incident-flapping", incidents.get(number), payload));
            case "IncidentSlaBreached" -> found.add(incident("sla-breached", incidents.get(number), payload));
            case "RequestSlaBreached" -> found.add(request("sla-breached", requests.get(number), payload));
            case "FulfilmentFailed" -> found.add(request("fulfilment-failed", requests.get(number), payload));
            case "RequestApprovalRequested" -> found.add(request("approval-needed", requests.get(number), payload));
            case "RequestApproved" -> found.add(request("request-approved", requests.get(number), payload));
            case "RequestRejected" -> found.add(request("request-rejected", requests.get(number), payload));
            case "RequestTransitioned" -> {
                if ("FULFILLED".equals(payload.path("to").asText())) {
                    found.add(request("request-fulfilled", requests.get(number), payload));
                }
            }
            case "ReleaseFinished" -> {
                if (!"SUCCESS".equals(payload.path("result").asText()) && "DEPLOY".equals(payload.path("kind").asText())) {
                    found.add(change("change-failed", changes.get(number), payload));
                }
            }
            case "ChangeSuspected" -> found.add(change("change-suspected", changes.get(number), payload));
            case "CommentAdded" -> commented(number, payload).ifPresent(found::add);
            default -> { }
        }
        return found;
    }

    /**
     * A public comment on an incident or a request, for its requester (and its agents). Only public comments raise
     * the event, so a work note never reaches a requester's mailbox.
     */
    private Optional<Context> commented(String number, JsonNode payload) {
        Context context;
        if (number.startsWith("INC-")) {
            context = incident("comment-added", incidents.get(number), payload);
        } else if (number.startsWith("REQ-")) {
            context = request("comment-added", requests.get(number), payload);
        } else {
            return Optional.empty(); // changes and problems have no requester to tell
        }
        context.values().put("comment", payload.path("text").asText(""));
        return Optional.of(context.by(payload.path("actor").asText(null)));
    }

    private Context incident(String event, IncidentView i, JsonNode payload) {
        Map<String, String> values = values(i.number(), i.title(), payload);
        values.put("priority", i.priority().name());
        values.put("assignee", nullToEmpty(i.assignee()));
        values.put("group", nullToEmpty(i.assignmentGroup()));
        values.put("requester", nullToEmpty(i.caller()));
        values.put("changes", payload.path("changes").asText(""));
        values.put("target", payload.path("target").asText(""));
        Map<String, String> who = new HashMap<>();
        who.put("assignee", i.assignee());
        who.put("assignment-group", i.assignmentGroup());
        who.put("requester", i.caller());
        return new Context(event, i.priority(), values, who);
    }

    private Context request(String event, RequestView r, JsonNode payload) {
        Map<String, String> values = values(r.number(), r.title(), payload);
        values.put("priority", r.priority() == null ? "" : r.priority().name());
        values.put("requester", r.requester());
        values.put("assignee", nullToEmpty(r.assignee()));
        values.put("group", nullToEmpty(r.assignmentGroup()));
        values.put("actor", payload.path("approver").asText(payload.path("actor").asText("")));
        values.put("note", nullToEmpty(r.closeNote()));
        values.put("error", payload.path("error").asText(""));
        Map<String, String> who = new HashMap<>();
        who.put("assignee", r.assignee());
        who.put("assignment-group", r.assignmentGroup());
        who.put("requester", r.requester());
        List<String> approvers = new ArrayList<>();
        payload.path("approvers").forEach(a -> approvers.add(a.asText()));
        who.put("approver", approvers.isEmpty() ? people.find(r.requester()).map(Person::getManager).orElse(null)
                : String.join(",", approvers));
        return new Context(event, r.priority(), values, who);
    }

    private Context change(String event, ChangeView c, JsonNode payload) {
        Map<String, String> values = values(c.number(), c.title(), payload);
        values.put("result", payload.path("result").asText(""));
        values.put("incident", payload.path("incident").asText(""));
        values.put("ci", payload.path("ci").asText(""));
        values.put("group", nullToEmpty(c.assignmentGroup()));
        values.put("assignee", nullToEmpty(c.assignee()));
        Map<String, String> who = new HashMap<>();
        who.put("change-owner", c.assignee() != null ? c.assignee() : c.requestedBy());
        who.put("assignee", c.assignee());
        who.put("assignment-group", c.assignmentGroup());
        who.put("requester", c.requestedBy());
        return new Context(event, null, values, who);
    }

    private Map<String, String> values(String number, String title, JsonNode payload) {
        Map<String, String> values = new HashMap<>();
        values.put("number", number);
        values.put("title", title);
        // the web console's ticket address: it opens the page that fits whoever clicks (the requester's progress
        // page, the agent's ticket view, the release view), after a login if needed
        values.put("link", publicUrl + "/t/" + number);
        values.put("actor", payload.path("actor").asText(""));
        return values;
    }

    private List<Delivery> deliveries(String channel, List<String> recipients, Context context) {
        if (CHAT.contains(channel)) {
            return List.of(new Delivery(channel, channel, settings.defaultLanguage()));
        }
        List<Delivery> out = new ArrayList<>();
        for (String recipient : recipients) {
            if (recipient.startsWith("mailto:") && channel.equals("email")) {
                out.add(new Delivery(channel, recipient.substring(7), settings.defaultLanguage()));
            } else if (recipient.startsWith("tel:") && channel.equals("sms")) {
                out.add(new Delivery(channel, recipient.substring(4), settings.defaultLanguage()));
            } else if (recipient.equals("assignment-group")) {
                out.addAll(group(channel, context.people().get(recipient), context));
            } else if (recipient.equals("approver") && context.people().get(recipient) != null) {
                for (String approver : context.people().get(recipient).split(",")) {
                    if (approver.startsWith("group:")) {
                        out.addAll(group(channel, approver.substring(6), context));
                    } else {
                        people.find(approver).filter(Person::isActive).flatMap(p -> person(channel, p, context)).ifPresent(out::add);
                    }
                }
            } else {
                Optional.ofNullable(context.people().get(recipient)).flatMap(people::find).filter(Person::isActive)
                        .flatMap(p -> person(channel, p, context)).ifPresent(out::add);
            }
        }
        return out;
    }

    private List<Delivery> group(String channel, String name, Context context) {
        if (name == null) {
            return List.of();
        }
        String groupMail = people.group(name).map(g -> g.getEmail()).orElse(null);
        if (channel.equals("email") && groupMail != null) {
            return List.of(new Delivery(channel, groupMail, settings.defaultLanguage()));
        }
        return people.members(name).stream().map(v -> people.find(v.username()).orElseThrow())
                .filter(Person::isActive).map(p -> person(channel, p, context)).flatMap(Optional::stream).toList();
    }

    private Optional<Delivery> person(String channel, Person p, Context context) {
        if (p.getUsername().equals(context.author())) {
            return Optional.empty();
        }
        String language = p.getLanguage() != null ? p.getLanguage() : settings.defaultLanguage();
        String address = switch (channel) {
            case "email" -> p.getEmail();
            case "sms" -> p.getPhone();
            default -> null;
        };
        return address == null || address.isBlank() ? Optional.empty() : Optional.of(new Delivery(channel, address, language));
    }

    /** Phone numbers keep their last four digits in the journal; addresses and chat channels are shown as they are. */
    private static String masked(NotificationRequested n) {
        if (!n.channel().equals("sms")) {
            return n.address();
        }
        String digits = n.address().replaceAll("[^0-9+]", "");
        return digits.length() <= 4 ? digits : "*".repeat(digits.length() - 4) + digits.substring(digits.length() - 4);
    }

    private static String nullToEmpty(String s) {
        return Objects.requireNonNullElse(s, "");
    }
}
