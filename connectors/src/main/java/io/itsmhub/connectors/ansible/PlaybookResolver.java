package io.itsmhub.connectors.ansible;

import io.itsmhub.connectors.ConnectorException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Turns a requested playbook name into the file to run, refusing anything but an allow-listed name that
 * resolves, symlinks followed, to a regular file inside the playbook directory.
 */
final class PlaybookResolver {

    private final Path playbookDir;
    private final List<String> allowed;

    PlaybookResolver(Path playbookDir, List<String> allowed) {
        this.playbookDir = playbookDir;
        this.allowed = allowed;
    }

    /** The real path of the playbook; a permanent error when it is not allowed or not inside the directory. */
    Path resolve(String playbook) {
        if (playbook == null || !allowed.contains(playbook)) {
            throw refused("playbook " + quote(playbook) + " is not in hub.ansible.allowed-playbooks " + allowed);
        }
        // The allow-list is checked at start-up too; checking again keeps this class safe on its own.
        if (!isPlainRelativeName(playbook)) {
            throw refused("playbook " + quote(playbook) + " must be a relative path without '..'");
        }
        Path dir;
        try {
            dir = playbookDir.toRealPath();
        } catch (IOException e) {
            throw refused("playbook directory " + playbookDir.toAbsolutePath() + " does not exist");
        }
        Path file;
        try {
            file = dir.resolve(playbook).toRealPath();
        } catch (IOException e) {
            throw refused("playbook " + playbook + " does not exist in " + dir);
        }
        // toRealPath followed every symlink: a link pointing out of the directory ends up outside it here.
        if (!file.startsWith(dir) || !Files.isRegularFile(file)) {
            throw refused("playbook " + playbook + " is not a file inside " + dir);
        }
        return file;
    }

    Path directory() {
        return playbookDir;
    }

    /** Relative, no {@code ..} segment, no backslash or control character, ending in .yml or .yaml. */
    static boolean isPlainRelativeName(String name) {
        if (name == null || name.isBlank() || name.startsWith("/") || name.startsWith("-")
                || !(name.endsWith(".yml") || name.endsWith(".yaml"))) {
            return false;
        }
        for (char c : name.toCharArray()) {
            if (c < 0x20 || c == 0x7f || c == '\\') {
                return false;
            }
        }
        for (String segment : name.split("/")) {
            if (segment.isEmpty() || segment.equals("..") || segment.equals(".")) {
                return false;
            }
        }
        return true;
    }

    private static String quote(String s) {
        return s == null ? "null" : "'" + s + "'";
    }

    private static ConnectorException refused(String message) {
        return ConnectorException.permanent(ProcessPlaybookRunner.SYSTEM, message, null);
    }
}
