package dev.mailvault.core.transfer.internal;

import dev.mailvault.core.transfer.ImportRefusedException;
import dev.mailvault.core.transfer.ImportRefusedException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads an import file as strict UTF-8 text into a {@code char[]} the caller wipes. Binary data
 * (invalid UTF-8, control characters other than tab and line ends) is refused with its line.
 */
public final class TextInput {
    /** Password exports and prefs.js files are kilobytes; anything this large is not one. */
    public static final long MAX_BYTES = 16L * 1024 * 1024;

    private TextInput() {}

    /** The file's bytes; the caller wipes them. */
    public static byte[] readFile(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                throw ImportRefusedException.of(
                        Files.exists(file) ? Reason.NOT_REGULAR_FILE : Reason.NO_FILE, file.toString());
            }
            if (Files.size(file) > MAX_BYTES) {
                throw ImportRefusedException.of(Reason.TOO_LARGE, file.toString());
            }
            try (InputStream in = Files.newInputStream(file)) {
                return in.readNBytes((int) MAX_BYTES + 1);
            }
        } catch (NoSuchFileException e) {
            throw ImportRefusedException.of(Reason.NO_FILE, file.toString());
        } catch (IOException e) {
            throw ImportRefusedException.caused(e, Reason.CANNOT_READ, file.toString(), String.valueOf(e.getMessage()));
        }
    }

    /** Decodes {@code bytes} (not wiped here) as UTF-8, without a leading byte order mark. */
    public static char[] decode(byte[] bytes, String name) {
        if (bytes.length > MAX_BYTES) {
            throw ImportRefusedException.of(Reason.TOO_LARGE, name);
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer decoded;
        try {
            decoded = decoder.decode(ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException e) {
            throw ImportRefusedException.at(
                    name,
                    ImportRefusedException.at(
                            "line " + lineOfByte(bytes, firstInvalidUtf8(bytes)),
                            ImportRefusedException.of(Reason.NOT_UTF8)));
        }
        int start = decoded.remaining() > 0 && decoded.get(0) == '\uFEFF' ? 1 : 0;
        char[] out = new char[decoded.remaining() - start];
        decoded.position(start);
        decoded.get(out);
        Arrays.fill(decoded.array(), '\0');
        int line = 1;
        for (char c : out) {
            if (c == '\n') {
                line++;
            } else if ((c < 0x20 && c != '\t' && c != '\r') || c == 0x7f) {
                Arrays.fill(out, '\0');
                throw ImportRefusedException.at(
                        name,
                        ImportRefusedException.at(
                                "line " + line,
                                ImportRefusedException.of(Reason.CONTROL_CHARACTER, String.format("%04X", (int) c))));
            }
        }
        return out;
    }

    /** The 1-based line of character offset {@code pos} in {@code text}. */
    public static long lineAt(char[] text, long pos) {
        long line = 1;
        for (int i = 0; i < Math.min(pos, text.length); i++) {
            if (text[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    private static int firstInvalidUtf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        decoder.decode(in, out, true);
        Arrays.fill(out.array(), '\0');
        return in.position();
    }

    private static long lineOfByte(byte[] bytes, int pos) {
        long line = 1;
        for (int i = 0; i < Math.min(pos, bytes.length); i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
