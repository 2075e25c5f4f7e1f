package dev.mailvault.core.verify;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A mail server on loopback that plays a script line by line, for the answers GreenMail cannot
 * give (RFC 5530 codes, provider texts, STARTTLS, hostile behaviour). Plain or implicit TLS; every
 * connection plays the same script. Records every line it received, so a test can prove that a
 * password was never sent.
 */
final class ScriptedServer implements AutoCloseable {
    /** One step of a script. */
    @FunctionalInterface
    interface Step {
        void run(Connection c) throws IOException, InterruptedException;
    }

    private final ServerSocket serverSocket;
    private final SSLContext implicitTls;
    private final List<Step> steps;
    private final boolean imap;
    private final List<String> received = Collections.synchronizedList(new ArrayList<>());
    private final List<Socket> sockets = Collections.synchronizedList(new ArrayList<>());
    private final List<Thread> threads = Collections.synchronizedList(new ArrayList<>());
    private final Thread acceptor;
    private volatile int connections;
    private volatile boolean closed;

    private ScriptedServer(boolean imap, SSLContext implicitTls, List<Step> steps) throws IOException {
        this.imap = imap;
        this.implicitTls = implicitTls;
        this.steps = List.copyOf(steps);
        this.serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::acceptLoop, "scripted-server-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    static ScriptedServer imap(SSLContext implicitTlsOrNull, Step... steps) throws IOException {
        return new ScriptedServer(true, implicitTlsOrNull, List.of(steps));
    }

    static ScriptedServer smtp(SSLContext implicitTlsOrNull, Step... steps) throws IOException {
        return new ScriptedServer(false, implicitTlsOrNull, List.of(steps));
    }

    int port() {
        return serverSocket.getLocalPort();
    }

    int connections() {
        return connections;
    }

    /** Every line received from clients, in order. */
    List<String> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** Whether any received line has this command verb (IMAP: after the tag). */
    boolean receivedCommand(String verb) {
        return received().stream().anyMatch(line -> verb.equalsIgnoreCase(verbOf(line)));
    }

    private String verbOf(String line) {
        String[] tokens = line.split(" ", 3);
        int index = imap ? 1 : 0;
        return tokens.length > index ? tokens[index] : "";
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket socket = serverSocket.accept();
                connections++;
                sockets.add(socket);
                Thread handler = new Thread(() -> handle(socket), "scripted-server-conn");
                handler.setDaemon(true);
                threads.add(handler);
                handler.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void handle(Socket raw) {
        try {
            Socket socket = raw;
            if (implicitTls != null) {
                SSLSocket ssl = (SSLSocket) implicitTls.getSocketFactory().createSocket(raw, null, true);
                sockets.add(ssl);
                ssl.startHandshake();
                socket = ssl;
            }
            Connection c = new Connection(socket);
            for (Step step : steps) {
                step.run(c);
            }
        } catch (IOException | InterruptedException e) {
            // the client went away or the script ended the connection: both are normal endings
        } finally {
            try {
                raw.close();
            } catch (IOException e) {
                // closing is all that is left to do
            }
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        closed = true;
        serverSocket.close();
        synchronized (sockets) {
            for (Socket s : sockets) {
                try {
                    s.close();
                } catch (IOException e) {
                    // already closed
                }
            }
        }
        acceptor.join(5000);
        List<Thread> copy;
        synchronized (threads) {
            copy = new ArrayList<>(threads);
        }
        for (Thread t : copy) {
            t.interrupt();
            t.join(5000);
        }
    }

    /** One client connection as the script sees it. */
    final class Connection {
        private Socket socket;
        private InputStream in;
        private OutputStream out;
        private String tag = "*";

        Connection(Socket socket) throws IOException {
            use(socket);
        }

        private void use(Socket s) throws IOException {
            this.socket = s;
            this.in = s.getInputStream();
            this.out = s.getOutputStream();
        }

        /** The next line from the client, recorded; null at end of stream. */
        String readLine() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) != -1 && b != '\n') {
                if (b != '\r' && line.size() < 1 << 20) {
                    line.write(b);
                }
            }
            if (b == -1 && line.size() == 0) {
                return null;
            }
            String text = line.toString(StandardCharsets.UTF_8);
            received.add(text);
            return text;
        }

        /** The tag of the last command {@link #expect}ed. */
        String tag() {
            return tag;
        }

        void write(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
        }

        void send(String line) throws IOException {
            write((line.replace("{tag}", tag) + "\r\n").getBytes(StandardCharsets.UTF_8));
        }

        /** Reads until a command with this verb arrives and remembers its tag; EOF ends the script. */
        void expect(String verb) throws IOException {
            while (true) {
                String line = readLine();
                if (line == null) {
                    throw new SocketException("client closed before " + verb);
                }
                String[] tokens = line.split(" ", 3);
                int index = imap ? 1 : 0;
                if (tokens.length > index && tokens[index].equalsIgnoreCase(verb)) {
                    tag = tokens[0];
                    return;
                }
            }
        }

        void startTls(SSLContext context) throws IOException {
            SSLSocket ssl = (SSLSocket) context.getSocketFactory().createSocket(socket, null, true);
            sockets.add(ssl);
            ssl.startHandshake();
            use(ssl);
        }

        /** Neither reads nor writes until the server is closed, as a server hung after the handshake. */
        void stall() throws InterruptedException {
            while (!closed) {
                Thread.sleep(20);
            }
        }

        /** Waits until the client closes the connection (or the server is closed). */
        void hold() throws IOException {
            while (in.read() != -1) {
                // discard
            }
        }
    }

    // the steps

    static Step send(String... lines) {
        return c -> {
            for (String line : lines) {
                c.send(line);
            }
        };
    }

    static Step raw(byte[] bytes) {
        return c -> c.write(bytes);
    }

    static Step expect(String verb) {
        return c -> c.expect(verb);
    }

    static Step startTls(SSLContext context) {
        return c -> c.startTls(context);
    }

    static Step hold() {
        return Connection::hold;
    }

    static Step stall() {
        return Connection::stall;
    }

    /** Sends {@code text} one byte per {@code interval}, until the client goes away. */
    static Step dribble(String text, Duration interval) {
        return c -> {
            for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
                c.write(new byte[] {b});
                Thread.sleep(interval.toMillis());
            }
        };
    }

    /** Answers IMAP commands until LOGOUT: CAPABILITY with a list, anything else with OK. */
    static Step serveImap() {
        return c -> {
            String line;
            while ((line = c.readLine()) != null) {
                String[] tokens = line.split(" ", 3);
                String tag = tokens[0];
                String verb = tokens.length > 1 ? tokens[1].toUpperCase(Locale.ROOT) : "";
                switch (verb) {
                    case "CAPABILITY" -> {
                        c.send("* CAPABILITY IMAP4rev1");
                        c.send(tag + " OK CAPABILITY completed");
                    }
                    case "LOGOUT" -> {
                        c.send("* BYE logging out");
                        c.send(tag + " OK LOGOUT completed");
                        return;
                    }
                    default -> c.send(tag + " OK done");
                }
            }
        };
    }

    /** Answers SMTP commands until QUIT. */
    static Step serveSmtp() {
        return c -> {
            String line;
            while ((line = c.readLine()) != null) {
                if (line.toUpperCase(Locale.ROOT).startsWith("QUIT")) {
                    c.send("221 2.0.0 bye");
                    return;
                }
                c.send("250 2.0.0 ok");
            }
        };
    }
}
