package dev.mailvault.core.verify.mail;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * What passed over one connection, as the classifier needs it: the server's lines (decoded,
 * control characters removed, each cut at {@value #MAX_LINE_CHARS} characters) and the verbs of the
 * client's commands — never their arguments, so no password is ever recorded here.
 */
final class Transcript {
    static final int MAX_LINE_CHARS = 1000;
    private static final int MAX_EVENTS = 80;
    static final Set<String> KNOWN_VERBS = Set.of(
            "CAPABILITY",
            "STARTTLS",
            "LOGIN",
            "AUTHENTICATE",
            "LOGOUT",
            "NOOP",
            "ID",
            "ENABLE",
            "COMPRESS",
            "EHLO",
            "HELO",
            "AUTH",
            "QUIT",
            "RSET");
    private static final Set<String> AUTH_VERBS = Set.of("LOGIN", "AUTHENTICATE", "AUTH");

    /** One line from the server or one command verb from the client. */
    sealed interface Event permits ServerLine, ClientCommand {}

    record ServerLine(String text) implements Event {}

    record ClientCommand(String verb) implements Event {
        boolean isAuth() {
            return AUTH_VERBS.contains(verb);
        }
    }

    /** A copy taken after the connection ended; {@code violation} is set when the server broke a limit. */
    record Snapshot(List<Event> events, boolean truncated, String violation) {
        Snapshot {
            events = List.copyOf(events);
        }

        static Snapshot of(Event... events) {
            return new Snapshot(List.of(events), false, null);
        }

        boolean authSent() {
            return events.stream().anyMatch(e -> e instanceof ClientCommand c && c.isAuth());
        }

        boolean commandSent(String verb) {
            return events.stream()
                    .anyMatch(e -> e instanceof ClientCommand c && c.verb().equals(verb));
        }

        List<String> serverLines() {
            List<String> out = new ArrayList<>();
            for (Event e : events) {
                if (e instanceof ServerLine l) {
                    out.add(l.text());
                }
            }
            return out;
        }
    }

    private final Deque<Event> events = new ArrayDeque<>();
    private boolean truncated;
    private String violation;

    synchronized void serverLine(byte[] bytes, int length) {
        add(new ServerLine(clean(bytes, length)));
    }

    synchronized void clientVerb(String verb) {
        if (KNOWN_VERBS.contains(verb)) {
            add(new ClientCommand(verb));
        }
    }

    synchronized void violation(String what) {
        if (violation == null) {
            violation = what;
        }
    }

    synchronized String violation() {
        return violation;
    }

    synchronized Snapshot snapshot() {
        return new Snapshot(new ArrayList<>(events), truncated, violation);
    }

    private void add(Event event) {
        if (events.size() == MAX_EVENTS) {
            // keep the greeting: it decides several outcomes; drop the oldest line after it
            Event first = events.pollFirst();
            events.pollFirst();
            events.addFirst(first);
            truncated = true;
        }
        events.addLast(event);
    }

    /** How {@link #clean} keeps one character: as it is, as a space (control characters), or not at all ({@code -1}: CR, LF). */
    static int shown(char c) {
        if (c == '\r' || c == '\n') {
            return -1;
        }
        return Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? ' ' : c;
    }

    /** Decodes UTF-8 (bad bytes become U+FFFD), drops CR/LF and turns other control characters into spaces. */
    static String clean(byte[] bytes, int length) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        String text;
        try {
            text = decoder.decode(ByteBuffer.wrap(bytes, 0, length)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("REPLACE never throws", e);
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_LINE_CHARS + 1));
        for (int i = 0; i < text.length() && out.length() < MAX_LINE_CHARS; i++) {
            int shown = shown(text.charAt(i));
            if (shown >= 0) {
                out.append((char) shown);
            }
        }
        if (text.length() > MAX_LINE_CHARS) {
            out.append('…');
        }
        return out.toString();
    }
}
