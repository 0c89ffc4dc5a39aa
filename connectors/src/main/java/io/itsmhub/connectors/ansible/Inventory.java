package io.itsmhub.connectors.ansible;

import io.itsmhub.connectors.ConnectorException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The inventory of one run: the requested hosts, validated, as an Ansible YAML inventory (written in JSON
 * syntax, which YAML reads). A host is a DNS name or an IPv4/IPv6 literal, nothing else: no spaces, no
 * leading '-', no ranges or patterns and not {@code all}, so a host can never turn into an option, a group or
 * several hosts.
 */
final class Inventory {

    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final Pattern DIGITS_AND_DOTS = Pattern.compile("[0-9.]+");
    private static final String OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
    private static final Pattern IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]*");

    private final List<String> hosts;

    private Inventory(List<String> hosts) {
        this.hosts = hosts;
    }

    /** The hosts, duplicates dropped; a permanent error naming the first bad one. */
    static Inventory of(List<String> requested) {
        if (requested == null || requested.isEmpty()) {
            throw ConnectorException.permanent(ProcessPlaybookRunner.SYSTEM, "no hosts to run on", null);
        }
        LinkedHashSet<String> hosts = new LinkedHashSet<>();
        for (String host : requested) {
            if (!isValidHost(host)) {
                throw ConnectorException.permanent(ProcessPlaybookRunner.SYSTEM,
                        "host " + printable(host) + " is not a host name or IP address", null);
            }
            hosts.add(host);
        }
        return new Inventory(List.copyOf(hosts));
    }

    List<String> hosts() {
        return hosts;
    }

    /**
     * The inventory file's text. In local mode every host runs on this machine with Ansible's own Python (the
     * one that has Ansible's module dependencies, whatever {@code python3} is first on the PATH).
     */
    String yaml(boolean local) {
        StringBuilder out = new StringBuilder("{\"all\": {\"hosts\": {");
        List<String> entries = new ArrayList<>();
        for (String host : hosts) {
            entries.add("\"" + host + "\": null");
        }
        out.append(String.join(", ", entries)).append('}');
        if (local) {
            out.append(", \"vars\": {\"ansible_connection\": \"local\","
                    + " \"ansible_python_interpreter\": \"{{ ansible_playbook_python }}\"}");
        }
        return out.append("}}\n").toString();
    }

    static boolean isValidHost(String host) {
        // "all" and "ungrouped" are DNS names too, but Ansible's names for groups.
        if (host == null || host.isEmpty() || host.length() > 253 || host.equals("all") || host.equals("ungrouped")) {
            return false;
        }
        if (host.indexOf(':') >= 0) {
            return isIpv6Literal(host);
        }
        if (DIGITS_AND_DOTS.matcher(host).matches()) {
            return IPV4.matcher(host).matches();
        }
        String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        for (String label : name.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    /**
     * No zone ids and no brackets. Starting with a hex digit or ':' and holding a ':', the text is parsed as a
     * literal by InetAddress, which then never asks DNS.
     */
    private static boolean isIpv6Literal(String host) {
        if (!IPV6_CHARS.matcher(host).matches()) {
            return false;
        }
        try {
            InetAddress address = InetAddress.getByName(host);
            // "::ffff:10.0.0.1" comes back as the IPv4 address it maps, which is still a literal.
            return address instanceof Inet6Address || address.getHostAddress().indexOf(':') < 0;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** For messages: a bad host may hold anything, including control characters. */
    private static String printable(String s) {
        if (s == null) {
            return "null";
        }
        String shown = s.length() > 80 ? s.substring(0, 80) + "…" : s;
        return "'" + shown.replaceAll("\\p{Cntrl}", "?") + "'";
    }
}
