package io.itsmhub.core.request.catalog;

import io.itsmhub.core.common.CurrentUser;
import io.itsmhub.core.desk.DeskScope;
import io.itsmhub.core.desk.DeskService;
import io.itsmhub.core.people.PeopleService;
import io.itsmhub.core.people.Person;
import io.itsmhub.core.ticket.TicketAccess;
import io.itsmhub.core.common.InvalidInputException;
import io.itsmhub.core.common.TicketNotFoundException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
public class CatalogService {

    private final CatalogItemRepository items;
    private final PeopleService people;
    private final DeskService desks;
    private final TicketAccess access;
    private final CurrentUser currentUser;

    public CatalogService(CatalogItemRepository items, PeopleService people, DeskService desks, TicketAccess access,
                          CurrentUser currentUser) {
        this.items = items;
        this.people = people;
        this.desks = desks;
        this.access = access;
        this.currentUser = currentUser;
    }

    public CatalogItemView save(CatalogItemForm form) {
        Set<String> names = form.form().stream().map(FormField::name).collect(Collectors.toSet());
        if (names.size() != form.form().size()) {
            throw InvalidInputException.of("form", "field names must be unique");
        }
        for (int i = 0; i < form.form().size(); i++) {
            FormField field = form.form().get(i);
            boolean choiceType = field.type() == FormField.Type.CHOICE || field.type() == FormField.Type.MULTI_CHOICE;
            if (choiceType && (field.choices() == null || field.choices().isEmpty())) {
                throw InvalidInputException.of("form[" + i + "].choices", "a choice field needs choices");
            }
            if (field.min() != null && field.max() != null && field.min().compareTo(field.max()) > 0) {
                throw InvalidInputException.of("form[" + i + "].min", "must not exceed max");
            }
        }
        people.checkAssignment(form.fulfilmentGroup(), null);
        CatalogItem item = items.findById(form.code()).orElseGet(() -> new CatalogItem(form.code()));
        item.apply(form);
        return CatalogItemView.of(items.save(item));
    }

    /** The items the caller may order: those their desks are offered (see {@link #offeredDesks}). */
    @Transactional(readOnly = true)
    public List<CatalogItemView> active() {
        Set<String> offered = offeredDesks();
        return items.findByActiveTrueOrderByName().stream().filter(i -> offered == null || offered.contains(i.getDesk()))
                .map(CatalogItemView::of).toList();
    }

    /** An item the caller is offered; another desk's own item does not exist for them (404). */
    @Transactional(readOnly = true)
    public CatalogItemView get(String code) {
        CatalogItem item = items.findById(code).orElseThrow(() -> new TicketNotFoundException("catalog item", code));
        Set<String> offered = offeredDesks();
        if (offered != null && !offered.contains(item.getDesk())) {
            throw new TicketNotFoundException("catalog item", code);
        }
        return CatalogItemView.of(item);
    }

    /** Makes {@code code} an item of {@code desk}: offered to that desk's people and the desks below it. */
    public CatalogItemView offerOn(String code, String desk) {
        if (!desks.exists(desk)) {
            throw InvalidInputException.of("desk", "no desk " + desk);
        }
        CatalogItem item = items.findById(code).orElseThrow(() -> new TicketNotFoundException("catalog item", code));
        desks.checkAdministers(item.getDesk()); // a desk administrator moves only their desks' items ...
        desks.checkAdministers(desk); // ... between their desks
        item.offerOn(desk);
        return CatalogItemView.of(item);
    }

    /**
     * The desks whose items the caller is offered: each desk they belong to (a requester's home desk, the head office
     * when they have none; staff's desks) and every desk above it. Null: every desk (the hub itself, administrators).
     */
    private Set<String> offeredDesks() {
        DeskScope scope = access.scope();
        if (scope.all() && !currentUser.isRequesterOnly()) {
            return null;
        }
        Set<String> own = scope.desks().isEmpty() ? Set.of(people.find(currentUser.username())
                .map(Person::getDeskCode).filter(desks::exists).orElse(DeskService.ROOT)) : scope.desks();
        Set<String> offered = new java.util.HashSet<>();
        own.forEach(desk -> offered.addAll(desks.pathToRoot(desk)));
        return offered;
    }

    @Transactional(readOnly = true)
    public boolean isEmpty() {
        return items.count() == 0;
    }
}
