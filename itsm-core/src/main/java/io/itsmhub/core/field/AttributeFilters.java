package io.itsmhub.core.field;

import io.itsmhub.core.common.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** List filters on custom fields as a query gives them: {@code ?attr=storesAffected:12&attr=category:store}. */
public final class AttributeFilters {

    /** More filters than fields a form should have is not a question anybody asks. */
    static final int MAX_FILTERS = 10;

    private AttributeFilters() { }

    public static Map<String, String> parse(List<String> given) {
        if (given == null || given.isEmpty()) {
            return Map.of();
        }
        if (given.size() > MAX_FILTERS) {
            throw InvalidInputException.of("attr", "at most " + MAX_FILTERS + " custom-field filters");
        }
        Map<String, String> filters = new LinkedHashMap<>();
        for (String filter : given) {
            int colon = filter.indexOf(':');
            if (colon < 1 || !filter.substring(0, colon).matches(CustomFieldForm.NAME)) {
                throw InvalidInputException.of("attr", "'" + filter + "' is not field:value, e.g. storesAffected:12");
            }
            filters.put(filter.substring(0, colon), filter.substring(colon + 1));
        }
        return filters;
    }
}
