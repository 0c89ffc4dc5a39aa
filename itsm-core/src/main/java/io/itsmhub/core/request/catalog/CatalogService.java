package io.itsmhub.core.request.catalog;

import io.itsmhub.core.people.PeopleService;
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

    public CatalogService(CatalogItemRepository items, PeopleService people) {
        this.items = items;
        this.people = people;
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

    @Transactional(readOnly = true)
    public List<CatalogItemView> active() {
        return items.findByActiveTrueOrderByName().stream().map(CatalogItemView::of).toList();
    }

    @Transactional(readOnly = true)
    public CatalogItemView get(String code) {
        return CatalogItemView.of(items.findById(code).orElseThrow(() -> new TicketNotFoundException("catalog item", code)));
    }

    @Transactional(readOnly = true)
    public boolean isEmpty() {
        return items.count() == 0;
    }
}
