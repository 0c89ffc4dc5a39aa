package io.itsmhub.connectors.kubernetes;

import java.util.regex.Pattern;

/**
 * The Kubernetes name rules the hub's input must follow, checked before anything is sent: the API server's own
 * answer (422 with a long validation text) would come late and read as a server failure.
 */
final class Names {

    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern DNS_SUBDOMAIN =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final Pattern LABEL_VALUE = Pattern.compile("([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?");

    private Names() { }

    /** An RFC 1123 label (VM and namespace names): lower-case alphanumerics and '-', at most 63 characters. */
    static String dnsLabel(String what, String value) {
        if (value == null || value.length() > 63 || !DNS_LABEL.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " must be a DNS-1123 label (lower-case letters, digits and "
                    + "'-', starting and ending with a letter or digit, at most 63 characters), was " + quote(value));
        }
        return value;
    }

    /** An RFC 1123 subdomain (storage class and secret names): labels joined by '.', at most 253 characters. */
    static String dnsSubdomain(String what, String value) {
        if (value == null || value.length() > 253 || !DNS_SUBDOMAIN.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " must be a DNS-1123 subdomain, was " + quote(value));
        }
        return value;
    }

    /** A label value; {@code required} refuses the empty value, which Kubernetes allows. */
    static String labelValue(String what, String value, boolean required) {
        if (value == null || (required && value.isEmpty()) || value.length() > 63
                || !LABEL_VALUE.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " must be a valid label value (letters, digits, '-', '_' "
                    + "and '.', starting and ending with a letter or digit, at most 63 characters), was "
                    + quote(value));
        }
        return value;
    }

    /** A label key: an optional DNS subdomain prefix and '/', then a name like a label value. */
    static String labelKey(String key) {
        if (key == null) {
            throw new IllegalArgumentException("label keys must not be null");
        }
        int slash = key.indexOf('/');
        String name = slash < 0 ? key : key.substring(slash + 1);
        if (slash >= 0) {
            dnsSubdomain("the prefix of label key " + quote(key), key.substring(0, slash));
        }
        if (name.isEmpty() || name.length() > 63 || !LABEL_VALUE.matcher(name).matches()) {
            throw new IllegalArgumentException("not a valid label key: " + quote(key));
        }
        return key;
    }

    private static String quote(String value) {
        return value == null ? "null" : "'" + value + "'";
    }
}
