package io.itsmhub.connectors.ansible;

import io.itsmhub.connectors.ConnectorException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes the extra variables of a run as YAML in which every string, keys of nested maps included, carries
 * Ansible's {@code !unsafe} tag, so that a request's text reaches the playbook as data: Ansible never evaluates
 * a {@code {{ }}} or {@code {% %}} inside it. (A JSON vars file cannot carry the tag, and Ansible templates
 * JSON strings.) The output is YAML flow style with double-quoted scalars in which everything but printable
 * ASCII is escaped, so no value can end its scalar, start a new key or upset the YAML reader.
 *
 * <p>Names must be identifiers and may not be Ansible's own: extra variables win over everything, and
 * {@code ansible_ssh_common_args}, {@code ansible_python_interpreter} and the like would run commands.
 */
final class UnsafeVars {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");
    private static final int MAX_DEPTH = 32;
    // Magic variables that do not start with "ansible_" (which are all refused).
    private static final Set<String> RESERVED = Set.of("hostvars", "groups", "group_names", "inventory_hostname",
            "inventory_hostname_short", "inventory_dir", "inventory_file", "omit", "play_hosts", "playbook_dir",
            "role_name", "role_names", "role_path", "environment", "vars", "item", "lookup", "query", "q", "now");

    private UnsafeVars() {
    }

    /** The vars file's text; a permanent error naming the variable when a name or value cannot be passed. */
    static String yaml(Map<String, ?> variables) {
        StringBuilder out = new StringBuilder("{");
        String separator = "\n";
        for (Map.Entry<String, ?> entry : variables.entrySet()) {
            String name = entry.getKey();
            checkName(name);
            out.append(separator).append("  ");
            quoted(out, name, name);
            out.append(": ");
            value(out, entry.getValue(), name, 1);
            separator = ",\n";
        }
        return out.append("\n}\n").toString();
    }

    static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw refused(name, "is not an identifier (letters, digits, '_')");
        }
        if (name.toLowerCase().startsWith("ansible_") || RESERVED.contains(name)) {
            throw refused(name, "is one of Ansible's own variables");
        }
    }

    private static void value(StringBuilder out, Object value, String name, int depth) {
        if (depth > MAX_DEPTH) {
            throw refused(name, "is nested more than " + MAX_DEPTH + " levels deep");
        }
        if (value == null) {
            out.append("null");
        } else if (value instanceof Boolean b) {
            out.append(b);
        } else if (value instanceof Byte || value instanceof Short || value instanceof Integer
                || value instanceof Long || value instanceof BigInteger) {
            out.append(value);
        } else if (value instanceof Float || value instanceof Double || value instanceof BigDecimal) {
            out.append(decimal((Number) value, name));
        } else if (value instanceof Map<?, ?> map) {
            mapping(out, map, name, depth);
        } else if (value instanceof Iterable<?> items) {
            sequence(out, items, name, depth);
        } else if (value instanceof Object[] items) {
            sequence(out, java.util.Arrays.asList(items), name, depth);
        } else {
            // Strings, and anything else (enums, UUIDs, dates) by its text: data either way.
            out.append("!unsafe ");
            quoted(out, value.toString(), name);
        }
    }

    private static void mapping(StringBuilder out, Map<?, ?> map, String name, int depth) {
        out.append('{');
        String separator = "";
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (entry.getKey() == null) {
                throw refused(name, "holds a map with a null key");
            }
            // Ansible templates the keys of a map too, so they are data as well.
            out.append(separator).append("!unsafe ");
            quoted(out, entry.getKey().toString(), name);
            out.append(": ");
            value(out, entry.getValue(), name, depth + 1);
            separator = ", ";
        }
        out.append('}');
    }

    private static void sequence(StringBuilder out, Iterable<?> items, String name, int depth) {
        out.append('[');
        String separator = "";
        for (Object item : items) {
            out.append(separator);
            value(out, item, name, depth + 1);
            separator = ", ";
        }
        out.append(']');
    }

    /**
     * YAML 1.1 (PyYAML) reads a float only with a '.' in it and a signed exponent, so a plain decimal with a
     * '.' is what it surely reads as a float: {@code 1.0E10} would come back as a string.
     */
    private static String decimal(Number number, String name) {
        BigDecimal decimal;
        if (number instanceof BigDecimal d) {
            decimal = d;
        } else {
            double d = number.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw refused(name, "is not a finite number");
            }
            decimal = BigDecimal.valueOf(d);
        }
        String text = decimal.toPlainString();
        return text.indexOf('.') >= 0 ? text : text + ".0";
    }

    /** A YAML double-quoted scalar with only printable ASCII in it, everything else escaped. */
    private static void quoted(StringBuilder out, String s, String name) {
        out.append('"');
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (Character.isSurrogate(s.charAt(i)) && Character.charCount(cp) == 1) {
                throw refused(name, "is not valid text (a lone UTF-16 surrogate)");
            }
            if (cp == '"' || cp == '\\') {
                out.append('\\').append((char) cp);
            } else if (cp >= 0x20 && cp < 0x7f) {
                out.append((char) cp);
            } else if (cp <= 0xffff) {
                out.append(String.format("\\u%04x", cp));
            } else {
                out.append(String.format("\\U%08x", cp));
            }
            i += Character.charCount(cp);
        }
        out.append('"');
    }

    private static ConnectorException refused(String name, String why) {
        String shown = name == null ? "null" : name.length() > 60 ? name.substring(0, 60) + "…" : name;
        return ConnectorException.permanent(ProcessPlaybookRunner.SYSTEM,
                "variable '" + shown.replaceAll("\\p{Cntrl}", "?") + "' " + why, null);
    }
}
