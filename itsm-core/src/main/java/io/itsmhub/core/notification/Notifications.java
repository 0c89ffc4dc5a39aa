package io.itsmhub.core.notification;

import io.itsmhub.core.change.ChangeService;
import io.itsmhub.core.change.ChangeView;
import io.itsmhub.core.incident.IncidentService;
import io.itsmhub.core.incident.IncidentView;
import io.itsmhub.core.journal.Journal;
import io.itsmhub.core.journal.JournalKeys;
import io.itsmhub.core.journal.JournalMessage;
import io.itsmhub.core.notification.NotificationEvents.NotificationRequested;
import io.itsmhub.core.notification.NotificationSettings.Rule;
import io.itsmhub.core.outbox.Outbox;
import io.itsmhub.core.outbox.DeliveryEffects;
import io.itsmhub.core.outbox.EventTypes;
import io.itsmhub.core.outbox.OutboxEvent;
import io.itsmhub.core.alert.AlertEvents.IncidentFlapping;
import io.itsmhub.core.change.ReleaseEvents.ChangeSuspected;
import io.itsmhub.core.change.ReleaseEvents.ReleaseFinished;
import io.itsmhub.core.change.RunKind;
import io.itsmhub.core.fulfilment.FulfilmentEvents.FulfilmentFailed;
import io.itsmhub.core.incident.IncidentEvents.IncidentAssigned;
import io.itsmhub.core.incident.IncidentEvents.IncidentCreated;
import io.itsmhub.core.incident.IncidentEvents.IncidentSlaBreached;
import io.itsmhub.core.request.RequestEvents.RequestApprovalRequested;
import io.itsmhub.core.request.RequestEvents.RequestApproved;
import io.itsmhub.core.request.RequestEvents.RequestRejected;
import io.itsmhub.core.request.RequestEvents.RequestSlaBreached;
import io.itsmhub.core.request.RequestEvents.RequestTransitioned;
import io.itsmhub.core.request.RequestStatus;
import io.itsmhub.core.ticket.TicketEvents.CommentAdded;
import io.itsmhub.core.people.PeopleService;
import io.itsmhub.core.people.Person;
import io.itsmhub.core.request.RequestService;
import io.itsmhub.core.request.RequestView;
import io.itsmhub.core.common.Priority;
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
    public static final Set<Class<? extends Record>> TRIGGERS = Set.of(IncidentCreated.class, IncidentAssigned.class,
            IncidentFlapping.class, RequestApprovalRequested.class, RequestApproved.class, RequestRejected.class,
            RequestTransitioned.class, ReleaseFinished.class, ChangeSuspected.class, IncidentSlaBreached.class,
            RequestSlaBreached.class, FulfilmentFailed.class, CommentAdded.class);
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
    private final EventTypes types;
    private final DeliveryEffects effects;
    private final String publicUrl;

    Notifications(NotificationSettings settings, IncidentService incidents, RequestService requests,
                  ChangeService changes, PeopleService people, Outbox outbox, Journal journal, EventTypes types, DeliveryEffects effects,
                  @Value("${hub.public-url:http://localhost:8080}") String publicUrl) {
        this.settings = settings;
        this.incidents = incidents;
        this.requests = requests;
        this.changes = changes;
        this.people = people;
        this.outbox = outbox;
        this.journal = journal;
        this.types = types;
        this.effects = effects;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    /** Publishes one NotificationRequested per matching rule, channel and address; returns how many. */
    public int plan(OutboxEvent event) {
        return plan(event.ticketNumber(), types.read(event));
    }

    /**
     * Plans {@code event} once per {@code idempotencyKey}: a redelivery of the same event (its acknowledgement was
     * lost) plans nothing again. Returns how many messages were planned.
     */
    public int plan(String ticketNumber, Record event, String idempotencyKey) {
        if (!effects.firstTime(idempotencyKey)) {
            return 0;
        }
        return plan(ticketNumber, event);
    }

    /** Publishes one NotificationRequested per matching rule, channel and address for {@code event}; returns how many. */
    public int plan(String ticketNumber, Record event) {
        List<Context> contexts = contexts(event, ticketNumber);
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
                        planned.putIfAbsent(delivery, new NotificationRequested(ticketNumber, context.event(),
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
        journal.note(n.ticket(), n.channel(), JournalMessage.of(JournalKeys.NOTIFICATION_NOT_SENT, n.event(), why));
    }

    private List<Context> contexts(Record event, String number) {
        List<Context> found = new ArrayList<>();
        if (event instanceof IncidentCreated) {
            IncidentView i = incidents.get(number);
            found.add(incident("incident-created", i, Extra.NONE));
            if (i.priority() == Priority.P1) {
                found.add(incident("major-incident", i, Extra.NONE));
            }
        } else if (event instanceof IncidentAssigned) {
            found.add(incident("incident-assigned", incidents.get(number), Extra.NONE));
        } else if (event instanceof IncidentFlapping flapping) {
            found.add(incident("incident-flapping", incidents.get(number), Extra.of("changes", String.valueOf(flapping.changes()))));
        } else if (event instanceof IncidentSlaBreached breached) {
            found.add(incident("sla-breached", incidents.get(number), Extra.of("target", breached.target())));
        } else if (event instanceof RequestSlaBreached) {
            found.add(request("sla-breached", requests.get(number), Extra.NONE, List.of()));
        } else if (event instanceof FulfilmentFailed failed) {
            found.add(request("fulfilment-failed", requests.get(number), Extra.of("error", failed.error()), List.of()));
        } else if (event instanceof RequestApprovalRequested asked) {
            found.add(request("approval-needed", requests.get(number), Extra.NONE, asked.approvers()));
        } else if (event instanceof RequestApproved approved) {
            found.add(request("request-approved", requests.get(number), Extra.of("actor", approved.approver()), List.of()));
        } else if (event instanceof RequestRejected rejected) {
            found.add(request("request-rejected", requests.get(number), Extra.of("actor", rejected.approver()), List.of()));
        } else if (event instanceof RequestTransitioned moved && moved.to() == RequestStatus.FULFILLED) {
            found.add(request("request-fulfilled", requests.get(number), Extra.of("actor", moved.actor()), List.of()));
        } else if (event instanceof ReleaseFinished finished && !"SUCCESS".equals(finished.result())
                && finished.kind() == RunKind.DEPLOY) {
            found.add(change("change-failed", changes.get(number),
                    Extra.of("result", finished.result(), "incident", finished.incident())));
        } else if (event instanceof ChangeSuspected suspected) {
            found.add(change("change-suspected", changes.get(number),
                    Extra.of("incident", suspected.incident(), "ci", suspected.ci())));
        } else if (event instanceof CommentAdded comment) {
            commented(number, comment).ifPresent(found::add);
        }
        return found;
    }

    /** What an event adds to a message's values besides the ticket's own (all strings, none null). */
    private record Extra(Map<String, String> values) {
        static final Extra NONE = new Extra(Map.of());

        static Extra of(String... keysAndValues) {
            Map<String, String> values = new HashMap<>();
            for (int i = 0; i < keysAndValues.length; i += 2) {
                values.put(keysAndValues[i], nullToEmpty(keysAndValues[i + 1]));
            }
            return new Extra(values);
        }

        String get(String key) {
            return values.getOrDefault(key, "");
        }
    }

    /**
     * A public comment on an incident or a request, for its requester (and its agents). Only public comments raise
     * the event, so a work note never reaches a requester's mailbox.
     */
    private Optional<Context> commented(String number, CommentAdded comment) {
        Extra extra = Extra.of("actor", comment.actor(), "comment", comment.text());
        Context context;
        if (number.startsWith("INC-")) {
            context = incident("comment-added", incidents.get(number), extra);
        } else if (number.startsWith("REQ-")) {
            context = request("comment-added", requests.get(number), extra, List.of());
        } else {
            return Optional.empty(); // changes and problems have no requester to tell
        }
        context.values().put("comment", extra.get("comment"));
        return Optional.of(context.by(comment.actor()));
    }

    private Context incident(String event, IncidentView i, Extra extra) {
        Map<String, String> values = values(i.number(), i.title(), extra);
        values.put("priority", i.priority().name());
        values.put("assignee", nullToEmpty(i.assignee()));
        values.put("group", nullToEmpty(i.assignmentGroup()));
        values.put("requester", nullToEmpty(i.caller()));
        values.put("changes", extra.get("changes"));
        values.put("target", extra.get("target"));
        Map<String, String> who = new HashMap<>();
        who.put("assignee", i.assignee());
        who.put("assignment-group", i.assignmentGroup());
        who.put("requester", i.caller());
        return new Context(event, i.priority(), values, who);
    }

    private Context request(String event, RequestView r, Extra extra, List<String> approvers) {
        Map<String, String> values = values(r.number(), r.title(), extra);
        values.put("priority", r.priority() == null ? "" : r.priority().name());
        values.put("requester", r.requester());
        values.put("assignee", nullToEmpty(r.assignee()));
        values.put("group", nullToEmpty(r.assignmentGroup()));
        values.put("note", nullToEmpty(r.closeNote()));
        values.put("error", extra.get("error"));
        Map<String, String> who = new HashMap<>();
        who.put("assignee", r.assignee());
        who.put("assignment-group", r.assignmentGroup());
        who.put("requester", r.requester());
        who.put("approver", approvers.isEmpty() ? people.find(r.requester()).map(Person::getManager).orElse(null)
                : String.join(",", approvers));
        return new Context(event, r.priority(), values, who);
    }

    private Context change(String event, ChangeView c, Extra extra) {
        Map<String, String> values = values(c.number(), c.title(), extra);
        values.put("result", extra.get("result"));
        values.put("incident", extra.get("incident"));
        values.put("ci", extra.get("ci"));
        values.put("group", nullToEmpty(c.assignmentGroup()));
        values.put("assignee", nullToEmpty(c.assignee()));
        Map<String, String> who = new HashMap<>();
        who.put("change-owner", c.assignee() != null ? c.assignee() : c.requestedBy());
        who.put("assignee", c.assignee());
        who.put("assignment-group", c.assignmentGroup());
        who.put("requester", c.requestedBy());
        return new Context(event, null, values, who);
    }

    private Map<String, String> values(String number, String title, Extra extra) {
        Map<String, String> values = new HashMap<>();
        values.put("number", number);
        values.put("title", title);
        // the web console's ticket address: it opens the page that fits whoever clicks (the requester's progress
        // page, the agent's ticket view, the release view), after a login if needed
        values.put("link", publicUrl + "/t/" + number);
        values.put("actor", extra.get("actor"));
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
