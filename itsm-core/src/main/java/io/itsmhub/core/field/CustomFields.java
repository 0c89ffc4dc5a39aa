package io.itsmhub.core.field;

import com.fasterxml.jackson.core.type.TypeReference;
import io.itsmhub.core.cmdb.CmdbService;
import io.itsmhub.core.common.CurrentUser;
import io.itsmhub.core.common.InvalidInputException;
import io.itsmhub.core.common.InvalidInputException.FieldError;
import io.itsmhub.core.common.JsonColumn;
import io.itsmhub.core.common.ShortMemory;
import io.itsmhub.core.common.TicketNotFoundException;
import io.itsmhub.core.desk.DeskService;
import io.itsmhub.core.people.PeopleService;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.PatternSyntaxException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The custom fields of (ticket type, desk) — a desk's own definition of a name wins over its ancestors' — and the one
 * check of their values that every write path goes through (the ticket kernel calls it). The only writer of
 * {@code custom_field} and {@code ticket_attribute}.
 */
@Service
@Transactional
public class CustomFields {

    /** Longest value of an indexed field: what a list filters and sorts on. */
    static final int INDEXED_LENGTH = 1000;
    static final int LONG_TEXT_LENGTH = 10000;
    /** Fields of one type on one desk; a form with more is not a form. */
    static final int MAX_FIELDS = 100;

    private final JdbcTemplate jdbc;
    private final DeskService desks;
    private final PeopleService people;
    private final CmdbService cmdb;
    private final Clock clock;
    private final CurrentUser currentUser;
    /** Per "type@desk"; a thousand desks' forms of a few types at most. */
    private final ShortMemory<String, List<CustomField>> remembered = new ShortMemory<>(10_000);

    CustomFields(JdbcTemplate jdbc, DeskService desks, PeopleService people, CmdbService cmdb, Clock clock,
                 CurrentUser currentUser) {
        this.currentUser = currentUser;
        this.jdbc = jdbc;
        this.desks = desks;
        this.people = people;
        this.cmdb = cmdb;
        this.clock = clock;
    }

    /**
     * The fields of {@code type} on {@code desk}: its own and those it inherits, nearest desk first per name. Every
     * ticket write asks, so a hub reads them at most once per {@link ShortMemory#HOLD}; a change made on this hub
     * is seen at once.
     */
    @Transactional(readOnly = true)
    public List<CustomField> effective(String type, String desk) {
        return remembered.get(type + "@" + desk, key -> read(type, desk));
    }

    private List<CustomField> read(String type, String desk) {
        List<String> path = desks.pathToRoot(desk);
        Map<String, CustomField> byName = new LinkedHashMap<>();
        for (CustomField field : jdbc.query("SELECT * FROM custom_field WHERE ticket_type = ?", (rs, n) -> row(rs), type)) {
            if (!path.contains(field.desk())) {
                continue;
            }
            CustomField known = byName.get(field.name());
            if (known == null || path.indexOf(field.desk()) < path.indexOf(known.desk())) {
                byName.put(field.name(), field);
            }
        }
        return byName.values().stream().sorted(Comparator.comparingInt(CustomField::position)
                .thenComparing(CustomField::name)).toList();
    }

    /** Adds or changes a field of {@code type} on {@code desk} (administrators, and that desk's administrators). */
    public CustomField define(String type, String desk, String name, CustomFieldForm form) {
        if (!desks.exists(desk)) {
            throw new TicketNotFoundException("desk", desk);
        }
        desks.checkAdministers(desk);
        if (!name.matches(CustomFieldForm.NAME)) {
            throw InvalidInputException.of("name", "camelCase, 1-40 letters or digits");
        }
        remembered.forget();
        List<CustomField> fields = effective(type, desk);
        List<String> names = new ArrayList<>(fields.stream().map(CustomField::name).toList());
        if (!names.contains(name) && names.size() >= MAX_FIELDS) {
            throw InvalidInputException.of("name", "at most " + MAX_FIELDS + " fields per ticket type and desk");
        }
        names.add(name);
        checkForm(form, names);
        Timestamp now = Timestamp.from(clock.instant());
        Object[] values = {form.label(), form.labelZh(), form.type().name(), form.required(), blankToNull(form.requiredWhen()),
                blankToNull(form.visibleWhen()), blankToNull(form.defaultValue()), form.min(), form.max(),
                blankToNull(form.pattern()), form.options() == null || form.options().isEmpty() ? null : JsonColumn.write(form.options()),
                form.position() == null ? names.size() * 10 : form.position(), now, type, desk, name};
        int changed = jdbc.update("UPDATE custom_field SET label = ?, label_zh = ?, field_type = ?, required = ?, required_when = ?, "
                + "visible_when = ?, default_value = ?, min_value = ?, max_value = ?, pattern = ?, options = ?, position = ?, "
                + "updated_at = ? WHERE ticket_type = ? AND desk_code = ? AND name = ?", values);
        if (changed == 0) {
            remembered.forget();
            jdbc.update("INSERT INTO custom_field (label, label_zh, field_type, required, required_when, visible_when, "
                    + "default_value, min_value, max_value, pattern, options, position, updated_at, ticket_type, desk_code, name) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", values);
        }
        remembered.forget();
        return effective(type, desk).stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    /** Removes the desk's own definition; values already on tickets stay as they were. */
    public void remove(String type, String desk, String name) {
        desks.checkAdministers(desk);
        remembered.forget();
        if (jdbc.update("DELETE FROM custom_field WHERE ticket_type = ? AND desk_code = ? AND name = ?", type, desk, name) == 0) {
            throw new TicketNotFoundException("field", type + "/" + desk + "/" + name);
        }
    }

    /**
     * The attributes a ticket of {@code type} on {@code desk} keeps after a write: {@code current} with {@code given}
     * applied (a null value clears a field), defaults filled in when {@code creating}, hidden fields dropped. Refuses
     * (400, naming each {@code attributes.<field>}) an unknown field, a missing required one and a value of the wrong
     * kind. Records written before a field existed are not rewritten: only a write checks. The hub's own intakes
     * (alerts, failed deployments) cannot fill a form in: for them a missing required field is no reason to lose the
     * ticket, so only the values they give are checked.
     */
    @Transactional(readOnly = true)
    public Map<String, String> check(String type, String desk, Map<String, String> current, Map<String, String> given,
                                     boolean creating) {
        List<CustomField> fields = effective(type, desk);
        Map<String, FieldType> types = new LinkedHashMap<>();
        fields.forEach(f -> types.put(f.name(), f.type()));
        Map<String, String> values = new LinkedHashMap<>(current == null ? Map.of() : current);
        List<FieldError> errors = new ArrayList<>();
        if (given != null) {
            given.forEach((name, value) -> {
                if (!types.containsKey(name)) {
                    errors.add(new FieldError("attributes." + name, "is not a field of " + type + " on desk " + desk));
                } else if (value == null || value.isBlank()) {
                    values.remove(name);
                } else {
                    values.put(name, value.strip());
                }
            });
        }
        if (creating) {
            fields.stream().filter(f -> f.defaultValue() != null).forEach(f -> values.putIfAbsent(f.name(), f.defaultValue()));
        }
        Map<String, String> kept = new LinkedHashMap<>();
        for (CustomField field : fields) {
            String value = values.get(field.name());
            boolean visible = field.visibleWhen() == null || Conditions.holds(field.visibleWhen(), values, types);
            boolean required = visible && !currentUser.isSystem() && (field.required()
                    || field.requiredWhen() != null && Conditions.holds(field.requiredWhen(), values, types));
            if (value == null) {
                if (required) {
                    errors.add(new FieldError("attributes." + field.name(), field.requiredWhen() == null ? "is required"
                            : "is required when " + field.requiredWhen()));
                }
                continue;
            }
            if (!visible) {
                continue; // a field hidden by its condition keeps no value
            }
            String problem = problem(field, value);
            if (problem != null) {
                errors.add(new FieldError("attributes." + field.name(), problem));
            } else {
                kept.put(field.name(), value);
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return kept;
    }

    /** Writes the ticket's values again as one row each, for lists to filter and sort on. */
    public void index(String number, String type, String desk, Map<String, String> values) {
        jdbc.update("DELETE FROM ticket_attribute WHERE ticket_number = ?", number);
        if (values.isEmpty()) {
            return;
        }
        Map<String, FieldType> types = new LinkedHashMap<>();
        effective(type, desk).forEach(f -> types.put(f.name(), f.type()));
        values.forEach((name, value) -> {
            FieldType fieldType = types.getOrDefault(name, FieldType.TEXT);
            if (fieldType.indexed()) {
                jdbc.update("INSERT INTO ticket_attribute (ticket_number, name, text_value, number_value) VALUES (?, ?, ?, ?)",
                        number, name, value.length() > INDEXED_LENGTH ? value.substring(0, INDEXED_LENGTH) : value,
                        fieldType == FieldType.NUMBER ? new BigDecimal(value) : null);
            }
        });
    }

    /** The type of field {@code name} of {@code type} anywhere in the tree (how a list sorts on it), or TEXT. */
    @Transactional(readOnly = true)
    public FieldType typeOf(String type, String name) {
        return jdbc.query("SELECT field_type FROM custom_field WHERE ticket_type = ? AND name = ?",
                rs -> rs.next() ? FieldType.valueOf(rs.getString(1)) : FieldType.TEXT, type, name);
    }

    private String problem(CustomField field, String value) {
        return switch (field.type()) {
            case TEXT -> text(field, value, INDEXED_LENGTH);
            case LONG_TEXT -> text(field, value, LONG_TEXT_LENGTH);
            case NUMBER -> number(field, value);
            case DATE -> date(value);
            case CHOICE -> field.options().contains(value) ? null : "must be one of " + String.join(", ", field.options());
            case MULTI_CHOICE -> java.util.Arrays.stream(value.split(",")).map(String::strip).allMatch(field.options()::contains)
                    ? null : "each of its comma-separated values must be one of " + String.join(", ", field.options());
            case USER -> people.find(value).isPresent() ? null : "no user " + value;
            case GROUP -> people.group(value).isPresent() ? null : "no group " + value;
            case CI -> cmdb.exists(value) ? null : "no CI " + value;
            case BOOLEAN -> value.equals("true") || value.equals("false") ? null : "must be true or false";
        };
    }

    private static String text(CustomField field, String value, int longest) {
        int most = field.max() == null ? longest : Math.min(longest, field.max().intValue());
        if (value.length() > most) {
            return "at most " + most + " characters";
        }
        if (field.min() != null && value.length() < field.min().intValue()) {
            return "at least " + field.min().intValue() + " characters";
        }
        return field.pattern() == null || value.matches(field.pattern()) ? null : "must match " + field.pattern();
    }

    private static String number(CustomField field, String value) {
        BigDecimal number;
        try {
            number = new BigDecimal(value);
        } catch (NumberFormatException e) {
            return "must be a number";
        }
        if (field.min() != null && number.compareTo(field.min()) < 0) {
            return "must be at least " + field.min().stripTrailingZeros().toPlainString();
        }
        if (field.max() != null && number.compareTo(field.max()) > 0) {
            return "must be at most " + field.max().stripTrailingZeros().toPlainString();
        }
        return null;
    }

    private static String date(String value) {
        try {
            LocalDate.parse(value);
            return null;
        } catch (DateTimeParseException e) {
            return "must be a date, e.g. 2026-12-31";
        }
    }

    private static void checkForm(CustomFieldForm form, List<String> names) {
        List<FieldError> errors = new ArrayList<>();
        boolean choice = form.type() == FieldType.CHOICE || form.type() == FieldType.MULTI_CHOICE;
        if (choice && (form.options() == null || form.options().isEmpty())) {
            errors.add(new FieldError("options", "a choice field needs options"));
        }
        if (form.min() != null && form.max() != null && form.min().compareTo(form.max()) > 0) {
            errors.add(new FieldError("min", "must not exceed max"));
        }
        if (form.pattern() != null && !form.pattern().isBlank()) {
            try {
                java.util.regex.Pattern.compile(form.pattern());
            } catch (PatternSyntaxException e) {
                errors.add(new FieldError("pattern", "is not a regular expression: " + e.getDescription()));
            }
        }
        for (String[] condition : new String[][] {{"requiredWhen", form.requiredWhen()}, {"visibleWhen", form.visibleWhen()}}) {
            if (condition[1] != null && !condition[1].isBlank()) {
                String problem = Conditions.problem(condition[1], names);
                if (problem != null) {
                    errors.add(new FieldError(condition[0], problem));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static CustomField row(java.sql.ResultSet rs) throws java.sql.SQLException {
        String options = rs.getString("options");
        return new CustomField(rs.getString("ticket_type"), rs.getString("desk_code"), rs.getString("name"),
                rs.getString("label"), rs.getString("label_zh"), FieldType.valueOf(rs.getString("field_type")),
                rs.getBoolean("required"), rs.getString("required_when"), rs.getString("visible_when"),
                rs.getString("default_value"), rs.getBigDecimal("min_value"), rs.getBigDecimal("max_value"),
                rs.getString("pattern"), options == null ? List.of() : JsonColumn.read(options, new TypeReference<List<String>>() { }),
                rs.getInt("position"), rs.getTimestamp("updated_at").toInstant());
    }
}
