package io.itsmhub.connectors.ansible;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The private directory of one run (mode 0700): inventory, vars file (0600: it holds request data), Ansible's
 * configuration, callback plugin and temporary files. {@link #close()} deletes it, whatever the outcome.
 */
final class RunDirectory implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RunDirectory.class);

    private final Path dir;

    private RunDirectory(Path dir) {
        this.dir = dir;
    }

    static RunDirectory create() throws IOException {
        return new RunDirectory(Files.createTempDirectory("itsm-ansible-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))));
    }

    Path path() {
        return dir;
    }

    Path resolve(String name) {
        return dir.resolve(name);
    }

    /** A file only the hub's user can read, created with that mode rather than narrowed afterwards. */
    Path writePrivate(String name, String content) throws IOException {
        Path file = Files.createFile(dir.resolve(name),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, content);
        return file;
    }

    @Override
    public void close() {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(RunDirectory::delete);
        } catch (IOException e) {
            log.warn("cannot delete Ansible run directory {}: {}", dir, e.toString());
        }
    }

    private static void delete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            log.warn("cannot delete {}: {}", path, e.toString());
        }
    }
}
