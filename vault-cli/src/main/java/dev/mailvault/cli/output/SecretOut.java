package dev.mailvault.cli.output;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.mailvault.core.crypto.Secret;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Arrays;

/** The only places a secret is written out: from a wiped copy of its characters, never a String. */
public final class SecretOut {
    private SecretOut() {}

    public static void write(PrintWriter out, Secret secret) {
        char[] chars = secret.revealChars();
        try {
            out.write(chars);
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    public static void writeField(JsonGenerator json, String name, Secret secret) throws IOException {
        char[] chars = secret.revealChars();
        try {
            json.writeFieldName(name);
            json.writeString(chars, 0, chars.length);
        } finally {
            Arrays.fill(chars, '\0');
        }
    }
}
