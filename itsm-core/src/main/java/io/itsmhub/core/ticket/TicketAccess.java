package io.itsmhub.core.ticket;

import io.itsmhub.core.common.CurrentUser;
import io.itsmhub.core.common.ForbiddenActionException;
import io.itsmhub.core.common.ShortMemory;
import io.itsmhub.core.common.TicketNotFoundException;
import io.itsmhub.core.desk.DeskScope;
import io.itsmhub.core.desk.DeskService;
import io.itsmhub.core.people.PeopleService;
import io.itsmhub.core.people.Person;
import java.util.Set;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;

/**
 * Who sees which ticket, decided here and nowhere else; every read path (lists, queues, pages, links, metrics) asks.
 * The hub itself and administrators see every desk. Staff see their groups' desks and their home desk, with the desks
 * below where a desk sees its children; a ticket of another desk does not exist for them (404, not 403, so that a
 * number says nothing). A requester sees what they raised.
 */
@Component
public class TicketAccess {

    private final CurrentUser currentUser;
    private final PeopleService people;
    private final DeskService desks;

    TicketAccess(CurrentUser currentUser, PeopleService people, DeskService desks) {
        this.currentUser = currentUser;
        this.people = people;
        this.desks = desks;
    }

    /** The desks the caller sees; {@link DeskScope#ALL} for the hub itself and administrators. */
    public DeskScope scope() {
        if (currentUser.isSystem() || currentUser.hasRole("ADMIN")) {
            return DeskScope.ALL;
        }
        if (currentUser.isRequesterOnly()) {
            return new DeskScope(false, Set.of());
        }
        // a change of desks, groups or home desks on this hub starts a new generation: what was remembered is not asked
        return scopes.get(new Asker(currentUser.username(), desks.generation()), asker -> {
            Person person = people.find(asker.username()).orElse(null);
            return person == null ? desks.scopeOf(Set.of(), null) : desks.scopeOf(person.getGroups(), person.getDeskCode());
        });
    }

    /**
     * A person's scope, remembered for {@link ShortMemory#HOLD} and until this hub changes the tree, a group's desk or
     * anyone's groups or home desk (a new {@link DeskService#generation}): every list and page asks. Such a change
     * made on another hub may take the hold to reach what they see, as a change of the tree does.
     */
    private record Asker(String username, long generation) { }

    private final ShortMemory<Asker, DeskScope> scopes = new ShortMemory<>(10_000);

    /** The filter that leaves only what the caller may see; null (no filter) when they see everything. */
    public <T extends Ticket> Specification<T> visible(TicketKind<T> kind) {
        if (currentUser.isRequesterOnly()) {
            String me = currentUser.username();
            return kind.raisedByAttribute() == null ? (root, query, cb) -> cb.disjunction()
                    : (root, query, cb) -> cb.equal(root.get(kind.raisedByAttribute()), me);
        }
        DeskScope scope = scope();
        if (scope.all()) {
            return null;
        }
        return scope.desks().isEmpty() ? (root, query, cb) -> cb.disjunction()
                : (root, query, cb) -> root.get("deskCode").in(scope.desks());
    }

    /** {@code ticket} if the caller may see it: another's ticket is 403 to a requester, another desk's is 404 to staff. */
    public <T extends Ticket> T check(T ticket) {
        if (currentUser.isRequesterOnly()) {
            if (!currentUser.username().equals(ticket.raisedBy())) {
                throw new ForbiddenActionException(ticket.ticketType() + " " + ticket.getNumber() + " was raised by someone else");
            }
            return ticket;
        }
        if (!scope().sees(ticket.getDeskCode())) {
            throw new TicketNotFoundException(ticket.ticketType(), ticket.getNumber());
        }
        return ticket;
    }

    /** True when the caller sees tickets of {@code desk}. */
    public boolean sees(String desk) {
        return !currentUser.isRequesterOnly() && scope().sees(desk);
    }
}
