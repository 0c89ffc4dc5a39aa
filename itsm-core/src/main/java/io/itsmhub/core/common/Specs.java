package io.itsmhub.core.common;

import java.util.Collection;
import org.springframework.data.jpa.domain.Specification;

/** List filters: each returns null when the filter is not set, which {@link Specification#allOf} ignores. */
public final class Specs {
    private Specs() { }

    public static <T> Specification<T> eq(String attribute, Object value) {
        return value == null ? null : (root, query, cb) -> cb.equal(root.get(attribute), value);
    }

    public static <T> Specification<T> in(String attribute, Collection<?> values) {
        return values == null || values.isEmpty() ? null : (root, query, cb) -> root.get(attribute).in(values);
    }
}
