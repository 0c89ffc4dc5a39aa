package io.itsmhub.core.field;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A custom field of a ticket type on a desk, as stored; {@code desk} is where it is defined (maybe an ancestor's). */
public record CustomField(String ticketType, String desk, String name, String label, String labelZh, FieldType type,
                          boolean required, String requiredWhen, String visibleWhen, String defaultValue,
                          BigDecimal min, BigDecimal max, String pattern, List<String> options, int position,
                          Instant updatedAt) { }
