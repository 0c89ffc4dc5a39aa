package io.itsmhub.core.alert;

import io.itsmhub.core.common.JsonColumn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Makes one alert fit what the hub stores, so that no odd value a sender puts in it (a 5,000-character
 * generatorURL, a 100 kB annotation, NUL bytes, 300 labels) can fail the delivery: control characters become
 * U+FFFD, long texts are cut and end with {@value #MARKER}, and what was cut is named in the annotation
 * {@value #TRUNCATED_ANNOTATION}. Labels are not cut but left out (alertname always kept): they are the matchers
 * of the silence the hub sets, and a subset of an alert's labels still matches it, a shortened value would not.
 */
final class AlertSanitizer {

    static final String MARKER = "…[truncated]";
    static final String TRUNCATED_ANNOTATION = "hub.truncated";
    static final int MAX_URL = 2000;
    static final int MAX_FINGERPRINT = 100;
    static final int MAX_LABELS = 64;
    static final int MAX_LABEL_NAME = 100;
    static final int MAX_LABEL_VALUE = 200;
    static final int MAX_LABELS_JSON = 19_000;     // monitored_alert.labels holds 20,000
    static final int MAX_ANNOTATIONS = 50;
    static final int MAX_ANNOTATION_NAME = 200;
    static final int MAX_ANNOTATION_VALUE = 8000;
    static final int MAX_ANNOTATIONS_JSON = 90_000; // monitored_alert.annotations holds 100,000
    static final int MAX_STATUS = 20;

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\t\\n\\r]]");

    private AlertSanitizer() { }

    static AlertNotification.Alert sanitize(AlertNotification.Alert alert) {
        List<String> cut = new ArrayList<>();
        Map<String, String> labels = labels(alert.labels(), cut);
        Map<String, String> annotations = annotations(alert.annotations(), cut);
        String generatorUrl = text(alert.generatorURL(), MAX_URL, "generatorURL", cut);
        String fingerprint = text(alert.fingerprint(), MAX_FINGERPRINT, "fingerprint", cut);
        if (!cut.isEmpty()) {
            annotations.put(TRUNCATED_ANNOTATION, cut(String.join("; ", cut), 1000));
        }
        return new AlertNotification.Alert(text(alert.status(), MAX_STATUS, "status", cut), labels,
                alert.annotations() == null && cut.isEmpty() ? null : annotations,
                alert.startsAt(), alert.endsAt(), generatorUrl, fingerprint);
    }

    /** {@code value} without control characters, cut to {@code max} characters (marker included). */
    static String cut(String value, int max) {
        if (value == null) {
            return null;
        }
        String clean = CONTROL.matcher(value).replaceAll("\uFFFD");
        return clean.length() <= max ? clean : clean.substring(0, max - MARKER.length()) + MARKER;
    }

    private static String text(String value, int max, String name, List<String> cut) {
        String clean = cut(value, max);
        if (value != null && clean.length() < value.length()) {
            cut.add(name + " cut at " + max + " of " + value.length() + " characters");
        }
        return clean;
    }

    private static Map<String, String> labels(Map<String, String> labels, List<String> cut) {
        if (labels == null) {
            return null;
        }
        Map<String, String> kept = new TreeMap<>();
        List<Map.Entry<String, String>> ordered = new ArrayList<>(new TreeMap<>(nonNullKeys(labels)).entrySet());
        ordered.sort((a, b) -> Boolean.compare(!"alertname".equals(a.getKey()), !"alertname".equals(b.getKey())));
        int left = 0;
        for (Map.Entry<String, String> label : ordered) {
            String name = cut(label.getKey(), Integer.MAX_VALUE);
            String value = label.getValue() == null ? "" : cut(label.getValue(), Integer.MAX_VALUE);
            boolean fits = kept.size() < MAX_LABELS && name.length() <= MAX_LABEL_NAME
                    && (value.length() <= MAX_LABEL_VALUE || "alertname".equals(name));
            if (fits) {
                kept.put(name, "alertname".equals(name) ? cut(value, MAX_LABEL_VALUE) : value);
                if (JsonColumn.write(kept).length() > MAX_LABELS_JSON) {
                    kept.remove(name);
                    fits = false;
                }
            }
            if (!fits) {
                left++;
            }
        }
        if (left > 0) {
            cut.add(left + " of " + labels.size() + " labels left out");
        }
        return kept;
    }

    private static Map<String, String> annotations(Map<String, String> annotations, List<String> cut) {
        Map<String, String> kept = new LinkedHashMap<>();
        if (annotations == null) {
            return kept;
        }
        int left = 0;
        for (Map.Entry<String, String> a : new TreeMap<>(nonNullKeys(annotations)).entrySet()) {
            if (kept.size() >= MAX_ANNOTATIONS) {
                left++;
                continue;
            }
            String name = cut(a.getKey(), MAX_ANNOTATION_NAME);
            String value = text(a.getValue(), MAX_ANNOTATION_VALUE, "annotation " + name, cut);
            kept.put(name, value);
            if (JsonColumn.write(kept).length() > MAX_ANNOTATIONS_JSON) {
                kept.remove(name);
                left++;
            }
        }
        if (left > 0) {
            cut.add(left + " of " + annotations.size() + " annotations left out");
        }
        return kept;
    }

    private static Map<String, String> nonNullKeys(Map<String, String> map) {
        Map<String, String> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> { if (k != null) copy.put(k, v); });
        return copy;
    }
}
