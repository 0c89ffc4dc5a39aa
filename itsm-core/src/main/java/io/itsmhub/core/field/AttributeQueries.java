package io.itsmhub.core.field;

import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;

/**
 * Lists by custom fields: a filter per field (its value equals the one given) and a sort on a field
 * ({@code sort=attr.storesAffected,desc}), both as subqueries on the indexed values, so any ticket type's list can
 * take them next to its own columns.
 */
public final class AttributeQueries {

    /** How a sort names a custom field: {@code attr.<name>}. */
    public static final String PREFIX = "attr.";

    private AttributeQueries() { }

    /** Tickets whose field {@code name} equals {@code value}, for each entry; null when there is none. */
    public static <T> Specification<T> matching(Map<String, String> filters) {
        if (filters == null || filters.isEmpty()) {
            return null;
        }
        return (root, query, cb) -> cb.and(filters.entrySet().stream().map(filter -> {
            Subquery<Integer> exists = query.subquery(Integer.class);
            Root<TicketAttribute> attribute = exists.from(TicketAttribute.class);
            exists.select(cb.literal(1)).where(cb.equal(attribute.get("ticketNumber"), root.get("number")),
                    cb.equal(attribute.get("name"), filter.getKey()), cb.equal(attribute.get("textValue"), filter.getValue()));
            return cb.exists(exists);
        }).toArray(jakarta.persistence.criteria.Predicate[]::new));
    }

    /**
     * {@code pageable} as Spring Data may apply it: unsorted when it sorts on a custom field (then {@link #sortedBy}
     * puts every order on the query, since Spring Data would replace the query's orders with the pageable's).
     */
    public static Pageable withoutAttributeSort(Pageable pageable) {
        boolean byAttribute = pageable.getSort().stream().anyMatch(o -> o.getProperty().startsWith(PREFIX));
        return byAttribute && pageable.isPaged() ? PageRequest.of(pageable.getPageNumber(), pageable.getPageSize()) : pageable;
    }

    /**
     * The custom-field orders of {@code pageable}, put on the query by a specification (Spring Data keeps those orders
     * when the pageable has none of its own, and drops them from the count). {@code numeric} says which fields sort
     * as numbers. Null when the sort names no custom field.
     */
    public static <T> Specification<T> sortedBy(Pageable pageable, java.util.function.Predicate<String> numeric) {
        List<Sort.Order> orders = pageable.getSort().stream().toList();
        if (orders.stream().noneMatch(o -> o.getProperty().startsWith(PREFIX))) {
            return null;
        }
        return (root, query, cb) -> {
            if (!Long.class.equals(query.getResultType()) && !long.class.equals(query.getResultType())) {
                List<Order> byOrder = new ArrayList<>();
                for (Sort.Order order : orders) {
                    Expression<?> key;
                    if (order.getProperty().startsWith(PREFIX)) {
                        String name = order.getProperty().substring(PREFIX.length());
                        boolean number = numeric.test(name);
                        Subquery<Object> value = query.subquery(Object.class);
                        Root<TicketAttribute> attribute = value.from(TicketAttribute.class);
                        value.select(attribute.get(number ? "numberValue" : "textValue"))
                                .where(cb.equal(attribute.get("ticketNumber"), root.get("number")), cb.equal(attribute.get("name"), name));
                        key = value;
                    } else {
                        key = root.get(order.getProperty());
                    }
                    byOrder.add(order.isAscending() ? cb.asc(key) : cb.desc(key));
                }
                query.orderBy(byOrder);
            }
            return null;
        };
    }
}
