package io.itsmhub.core.request;

import io.itsmhub.core.journal.JournalKeys;
import io.itsmhub.core.journal.JournalMessage;
import io.itsmhub.core.people.PeopleService;
import io.itsmhub.core.people.Person;
import io.itsmhub.core.people.PersonView;
import io.itsmhub.core.request.catalog.ApprovalStep;
import io.itsmhub.core.request.catalog.CatalogItemView;
import io.itsmhub.core.common.ForbiddenActionException;
import io.itsmhub.core.common.TicketNotFoundException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Segregation of duties on a request's approvals. Nobody decides a step of a request they are the requester of, or
 * that they opened on someone's behalf, and one person decides at most one step of a request: otherwise the
 * service desk agent who opened an order, or a manager who also sits in finance, approves alone what the chain
 * means several people to approve. A step whose only possible approver is excluded goes to that approver's manager
 * (the first one up the line who is not excluded), and the request's journal says so.
 */
@Component
class ApprovalRules {

    static final String REQUESTER = "requester-decides-no-step";
    static final String OPENER = "opener-decides-no-step";
    static final String ONE_STEP = "one-step-per-person";

    /** How far up a reporting line a step may travel; guards against a manager cycle in the directory data. */
    private static final int MAX_LEVELS = 20;

    /** The approvers of a step, and when the rules moved it away from its usual approver, why (for the journal). */
    record Routing(List<String> approvers, JournalMessage note) { }

    private final PeopleService people;

    ApprovalRules(PeopleService people) {
        this.people = people;
    }

    /**
     * The chain a request walks: its item's, led by the confirmation of the person it is for when it is a password
     * reset that someone else ordered (a reset must not reach someone's mailbox without them or their manager).
     */
    static List<ApprovalStep> chainOf(ServiceRequest request, CatalogItemView item) {
        List<ApprovalStep> chain = item.approvalChain();
        boolean forSomeoneElse = !request.getRequester().equals(request.getOpenedBy());
        if ("password-reset".equals(item.fulfilment()) && forSomeoneElse
                && chain.stream().noneMatch(s -> s.kind() == ApprovalStep.Kind.CONFIRMATION)) {
            List<ApprovalStep> led = new ArrayList<>(List.of(ApprovalStep.confirmation()));
            led.addAll(chain);
            return led;
        }
        return chain;
    }

    /** Refuses, naming the rule, a decision by someone the request's duties exclude. */
    void checkDecider(ServiceRequest request, String actor) {
        String number = request.getNumber();
        if (actor.equals(request.getRequester())) {
            throw new ForbiddenActionException(REQUESTER, "nobody approves their own request (" + number + ")");
        }
        if (actor.equals(request.getOpenedBy())) {
            throw new ForbiddenActionException(OPENER, "%s opened %s for %s and so decides none of its approvals"
                    .formatted(actor, number, request.getRequester()));
        }
        if (deciders(request).contains(actor)) {
            throw new ForbiddenActionException(ONE_STEP, "%s already decided a step of %s; one person decides at most one step"
                    .formatted(actor, number));
        }
    }

    /** Who waits to decide {@code step}, after the rules took out the excluded. */
    Routing approversFor(ApprovalStep step, ServiceRequest request, CatalogItemView item) {
        String fallback = "group:" + (item.fulfilmentGroup() == null ? "service-desk" : item.fulfilmentGroup());
        Set<String> excluded = excluded(request);
        return switch (step.kind()) {
            case MANAGER, OA -> managerOf(request, excluded, fallback);
            case CONFIRMATION -> {
                Routing manager = managerOf(request, excluded, fallback);
                List<String> approvers = new ArrayList<>(List.of(request.getRequester()));
                approvers.addAll(manager.approvers());
                yield new Routing(approvers, manager.note());
            }
            case GROUP, RULE -> groupStep(step.group(), request, excluded, fallback);
        };
    }

    /** Escalation adds the approvers' managers; none of them may be someone the rules exclude. */
    boolean excludes(ServiceRequest request, String username) {
        return excluded(request).contains(username);
    }

    private Routing managerOf(ServiceRequest request, Set<String> excluded, String fallback) {
        String manager = managerOf(request.getRequester());
        if (manager == null) {
            return new Routing(List.of(fallback), null);
        }
        if (!excluded.contains(manager)) {
            return new Routing(List.of(manager), null);
        }
        String above = firstEligibleAbove(manager, excluded);
        String to = above != null ? above : fallback.replace("group:", "group ");
        return new Routing(List.of(above != null ? above : fallback),
                JournalMessage.of(why(request, manager).managerRerouted, to, manager));
    }

    /**
     * A group step stays with the group while one member may decide it (the excluded simply cannot); when every
     * member is excluded it goes to their managers.
     */
    private Routing groupStep(String group, ServiceRequest request, Set<String> excluded, String fallback) {
        List<String> members = activeMembers(group);
        if (members.isEmpty() || members.stream().anyMatch(m -> !excluded.contains(m))) {
            return new Routing(List.of("group:" + group), null);
        }
        Set<String> managers = new LinkedHashSet<>();
        members.forEach(m -> {
            String above = firstEligibleAbove(m, excluded);
            if (above != null) {
                managers.add(above);
            }
        });
        List<String> approvers = managers.isEmpty() ? List.of(fallback) : List.copyOf(managers);
        String reasons = members.stream().map(m -> m + " " + why(request, m).words).reduce((a, b) -> a + ", " + b).orElse("");
        // several members, each with a reason: the list stays English text in an argument (see the journal's package-info)
        return new Routing(approvers, JournalMessage.of(JournalKeys.APPROVAL_GROUP_REROUTED, group,
                String.join(", ", approvers).replace("group:", "group "), reasons));
    }

    /** The first manager above {@code username} whom the rules do not exclude; null when the line ends first. */
    private String firstEligibleAbove(String username, Set<String> excluded) {
        Set<String> seen = new HashSet<>(List.of(username));
        String next = managerOf(username);
        for (int level = 0; next != null && level < MAX_LEVELS && seen.add(next); level++) {
            if (!excluded.contains(next)) {
                return next;
            }
            next = managerOf(next);
        }
        return null;
    }

    private String managerOf(String username) {
        return people.find(username).map(Person::getManager).orElse(null);
    }

    private List<String> activeMembers(String group) {
        try {
            return people.members(group).stream().filter(PersonView::active).map(PersonView::username).toList();
        } catch (TicketNotFoundException noSuchGroup) {
            return List.of();
        }
    }

    private static Set<String> excluded(ServiceRequest request) {
        Set<String> excluded = new HashSet<>(deciders(request));
        excluded.add(request.getRequester());
        excluded.add(request.getOpenedBy());
        return excluded;
    }

    private static Set<String> deciders(ServiceRequest request) {
        Set<String> deciders = new HashSet<>();
        request.getApprovals().forEach(a -> deciders.add(a.getApprover()));
        return deciders;
    }

    /** Why the rules exclude someone from deciding: the journal key when it names one person, else the words. */
    private enum Excluded {
        REQUESTER("is the requester", JournalKeys.APPROVAL_MANAGER_REROUTED_REQUESTER),
        OPENER("opened the request", JournalKeys.APPROVAL_MANAGER_REROUTED_OPENER),
        DECIDER("decided an earlier step", JournalKeys.APPROVAL_MANAGER_REROUTED_DECIDER);

        final String words;
        final String managerRerouted;

        Excluded(String words, String managerRerouted) {
            this.words = words;
            this.managerRerouted = managerRerouted;
        }
    }

    private static Excluded why(ServiceRequest request, String username) {
        if (username.equals(request.getRequester())) {
            return Excluded.REQUESTER;
        }
        if (username.equals(request.getOpenedBy())) {
            return Excluded.OPENER;
        }
        return Excluded.DECIDER;
    }
}
