package dev.mailvault.cli.input;

import dev.mailvault.core.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads UTF-8 lines from a byte stream into {@code char[]} without ever making a {@link String},
 * so a secret read from standard input can be wiped. It reads one byte at a time and never past
 * the end of the line, so a later reader of the same stream starts exactly at the next line.
 * Every scratch buffer is zeroed before it is dropped.
 */
public final class LineReader {
    private static final int BOM = 0xFEFF;
    /** Far above any password or answer; standard input from /dev/zero or a binary file stops here. */
    public static final int MAX_LINE_BYTES = 64 * 1024;

    private final InputStream in;

    public LineReader(InputStream in) {
        this.in = in;
    }

    /**
     * The next line without its terminator ({@code \n} or {@code \r\n}), or null at the end of
     * input. The caller owns the array and wipes it.
     */
    public char[] readLine() {
        byte[] buf = new byte[64];
        int n = 0;
        boolean sawAnything = false;
        try {
            int b;
            while ((b = in.read()) != -1) {
                sawAnything = true;
                if (b == '\n') {
                    break;
                }
                if (n == MAX_LINE_BYTES) {
                    throw new LineTooLongException();
                }
                if (n == buf.length) {
                    byte[] bigger = Arrays.copyOf(buf, buf.length * 2);
                    Arrays.fill(buf, (byte) 0);
                    buf = bigger;
                }
                buf[n++] = (byte) b;
            }
            if (!sawAnything) {
                return null;
            }
            if (n > 0 && buf[n - 1] == '\r') {
                n--;
            }
            return decode(buf, n);
        } catch (IOException e) {
            throw new UnreadableInputException(e);
        } finally {
            Arrays.fill(buf, (byte) 0);
        }
    }

    /** Decodes strict UTF-8 (a leading byte-order mark dropped) into a fresh, exactly sized array. */
    static char[] decode(byte[] bytes, int length) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        char[] scratch = new char[length];
        try {
            CharBuffer target = CharBuffer.wrap(scratch);
            var result = decoder.decode(ByteBuffer.wrap(bytes, 0, length), target, true);
            if (result.isError()) {
                result.throwException();
            }
            decoder.flush(target);
            int from = target.position() > 0 && scratch[0] == BOM ? 1 : 0;
            return Arrays.copyOfRange(scratch, from, target.position());
        } catch (CharacterCodingException e) {
            throw new NotUtf8Exception();
        } finally {
            Arrays.fill(scratch, '\0');
        }
    }

    /**
     * Input that cannot be read at all (standard input redirected from a folder, a read error);
     * the error reporter words it for the user, with the system's reason.
     */
    public static final class UnreadableInputException extends BadInputException {
        private final String reason;

        UnreadableInputException(IOException cause) {
            super("the input cannot be read (" + cause.getMessage() + ")", cause);
            this.reason = String.valueOf(cause.getMessage());
        }

        /** The system's own words, such as "Is a directory". */
        public String reason() {
            return reason;
        }
    }

    /** A line longer than {@link #MAX_LINE_BYTES}; the error reporter words it for the user. */
    public static final class LineTooLongException extends BadInputException {
        LineTooLongException() {
            super("a line of the input is longer than " + MAX_LINE_BYTES / 1024 + " KiB");
        }
    }

    /** A line that is not UTF-8; the error reporter words it for the user. */
    public static final class NotUtf8Exception extends BadInputException {
        NotUtf8Exception() {
            super("the input is not valid UTF-8 text");
        }
    }
}
