package io.itsmhub.connectors.ansible;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What the tests of this package share: where the real {@code ansible-playbook} and the repository's
 * {@code playbooks/} are, and fake executables that stand in for ansible-playbook where the real one is not
 * the point (refusals, exit codes, command line).
 */
final class AnsibleTestSupport {

    private AnsibleTestSupport() {
    }

    /** Whether ansible-playbook (Debian's ansible-core) is on the PATH; tests should {@code assumeTrue} it. */
    static boolean installed() {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(dir -> Path.of(dir, "ansible-playbook"))
                .anyMatch(Files::isExecutable);
    }

    /** The repository's playbooks/, found from the module directory Maven runs the tests in. */
    static Path repositoryPlaybooks() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("playbooks/baseline.yml"))) {
                return dir.resolve("playbooks");
            }
        }
        throw new IllegalStateException("no playbooks/baseline.yml above " + Path.of("").toAbsolutePath());
    }

    /** Local runs of the repository's playbooks. */
    static AnsibleSettings repositorySettings() {
        return AnsibleSettings.local(repositoryPlaybooks());
    }

    /** Variables for a run that writes under {@code root} and leaves this machine's packages and services alone. */
    static Map<String, Object> scratchVariables(Path root, Map<String, Object> more) {
        var variables = new java.util.LinkedHashMap<String, Object>();
        variables.put("target_root", root.toString());
        variables.put("manage_packages", false);
        variables.putAll(more);
        return variables;
    }

    /** An executable shell script in {@code dir}. */
    static Path script(Path dir, String name, String body) {
        try {
            Path file = dir.resolve(name);
            Files.writeString(file, "#!/bin/sh\n" + body + "\n");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A playbook directory of its own with the given files (name to YAML text). */
    static Path playbookDir(Path dir, Map<String, String> files) {
        try {
            Files.createDirectories(dir);
            for (var file : files.entrySet()) {
                Files.createDirectories(dir.resolve(file.getKey()).getParent());
                Files.writeString(dir.resolve(file.getKey()), file.getValue());
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final List<String> LOCALHOST = List.of("localhost");
}
