package io.itsmhub.connectors.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A minimal SMTP server that answers as scripted: the replies a real server gives only on a bad day (421 at
 * the greeting, 450 busy mailbox, 554 after the data). The script maps a command line (or {@code "GREETING"},
 * or {@code "DATA-END"} for the reply after the message) to a reply, or to null for the usual success.
 */
final class ScriptedSmtpServer implements AutoCloseable {

    private final ServerSocket server;
    private final Function<String, String> script;
    private final List<String> commands = new CopyOnWriteArrayList<>();

    ScriptedSmtpServer(Function<String, String> script) {
        this.script = script;
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread thread = new Thread(this::serve, "scripted-smtp");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** The command lines received, in order. */
    List<String> commands() {
        return commands;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                converse(socket);
            } catch (IOException e) {
                // closed, or the client hung up
            }
        }
    }

    private void converse(Socket socket) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                StandardCharsets.US_ASCII));
        Writer out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.US_ASCII);
        String greeting = script.apply("GREETING");
        reply(out, greeting == null ? "220 scripted ESMTP" : greeting);
        if (greeting != null && !greeting.startsWith("2")) {
            return;
        }
        String line;
        while ((line = in.readLine()) != null) {
            commands.add(line);
            String verb = (line.length() >= 4 ? line.substring(0, 4) : line).toUpperCase(Locale.ROOT);
            String scripted = script.apply(line);
            switch (verb) {
                case "EHLO", "HELO" -> reply(out, "250-scripted\r\n250 8BITMIME");
                case "DATA" -> {
                    if (scripted != null) {
                        reply(out, scripted);
                        continue;
                    }
                    reply(out, "354 end with <CRLF>.<CRLF>");
                    String data;
                    while ((data = in.readLine()) != null && !data.equals(".")) {
                        // the message
                    }
                    String end = script.apply("DATA-END");
                    reply(out, end == null ? "250 2.0.0 queued" : end);
                }
                case "QUIT" -> {
                    reply(out, "221 bye");
                    return;
                }
                default -> reply(out, scripted == null ? "250 2.0.0 ok" : scripted);
            }
        }
    }

    private static void reply(Writer out, String reply) throws IOException {
        out.write(reply + "\r\n");
        out.flush();
    }
}
