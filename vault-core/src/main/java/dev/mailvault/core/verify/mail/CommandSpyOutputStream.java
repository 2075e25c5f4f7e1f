package dev.mailvault.core.verify.mail;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * Notes the verb of each command the client sends ({@code LOGIN}, {@code AUTH}, {@code STARTTLS},
 * …) in the {@link Transcript}. Only the first bytes of a line are looked at, in a scratch buffer
 * that is wiped after each line; arguments — the password among them — are never kept.
 */
final class CommandSpyOutputStream extends FilterOutputStream {
    private final Transcript transcript;
    private final boolean imap;
    private final byte[] scratch = new byte[32];
    private int scratchLength;
    private boolean lineDone;

    CommandSpyOutputStream(OutputStream out, Transcript transcript, boolean imap) {
        super(out);
        this.transcript = transcript;
        this.imap = imap;
    }

    @Override
    public void write(int b) throws IOException {
        look((byte) b);
        out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        for (int i = 0; i < len; i++) {
            look(b[off + i]);
        }
        out.write(b, off, len);
    }

    private void look(byte b) {
        if (b == '\n') {
            if (!lineDone) {
                identify();
            }
            lineDone = false;
            scratchLength = 0;
            return;
        }
        if (lineDone) {
            return;
        }
        if (scratchLength < scratch.length) {
            scratch[scratchLength++] = b;
        } else {
            identify();
        }
    }

    private void identify() {
        lineDone = true;
        int length = scratchLength;
        int start = 0;
        if (imap) {
            // skip the tag
            while (start < length && scratch[start] != ' ') {
                start++;
            }
            start++;
        }
        int end = start;
        while (end < length && scratch[end] != ' ' && scratch[end] != '\r') {
            end++;
        }
        String verb = knownVerb(start, end);
        Arrays.fill(scratch, (byte) 0);
        scratchLength = 0;
        if (verb != null) {
            transcript.clientVerb(verb);
        }
    }

    /** Compares bytes with the known verbs without making a String of them: the line may hold a secret. */
    private String knownVerb(int start, int end) {
        if (start >= end) {
            return null;
        }
        for (String verb : Transcript.KNOWN_VERBS) {
            if (verb.length() != end - start) {
                continue;
            }
            boolean same = true;
            for (int i = 0; i < verb.length() && same; i++) {
                same = Character.toUpperCase((char) (scratch[start + i] & 0xff)) == verb.charAt(i);
            }
            if (same) {
                return verb;
            }
        }
        return null;
    }
}
