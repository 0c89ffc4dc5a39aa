package io.itsmhub.core.request.catalog;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;

/**
 * A catalog item's price table (per month): a base price per unit, plus per vCPU, GiB of memory and GiB of disk,
 * plus per option chosen in a multi-choice field; multiplied by the {@code count} field when there is one.
 */
public record Pricing(BigDecimal base, BigDecimal perCpu, BigDecimal perMemoryGb, BigDecimal perDiskGb,
                      Map<String, BigDecimal> options) {

    public BigDecimal cost(Map<String, Object> values) {
        BigDecimal unit = nz(base).add(nz(perCpu).multiply(number(values.get("cpu"))))
                .add(nz(perMemoryGb).multiply(number(values.get("memoryGb"))))
                .add(nz(perDiskGb).multiply(number(values.get("diskGb"))));
        if (options != null) {
            for (Object chosen : chosen(values)) {
                unit = unit.add(nz(options.get(String.valueOf(chosen))));
            }
        }
        BigDecimal count = values.get("count") == null ? BigDecimal.ONE : number(values.get("count"));
        return unit.multiply(count).setScale(2, java.math.RoundingMode.HALF_UP);
    }

    private static Collection<?> chosen(Map<String, Object> values) {
        return values.values().stream().filter(v -> v instanceof Collection<?>).flatMap(v -> ((Collection<?>) v).stream()).toList();
    }

    private static BigDecimal number(Object value) {
        return value == null ? BigDecimal.ZERO : new BigDecimal(value.toString());
    }

    private static BigDecimal nz(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
