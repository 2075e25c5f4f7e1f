package dev.mailvault.core.verify.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailvault.core.crypto.Secret;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The connection guards")
class GuardsTest {

    private static Transcript readAll(String serverText, boolean imap) throws IOException {
        Transcript transcript = new Transcript();
        try (InputStream in = new GuardedInputStream(
                new ByteArrayInputStream(serverText.getBytes(StandardCharsets.UTF_8)), transcript, imap)) {
            in.readAllBytes();
        }
        return transcript;
    }

    @Nested
    @DisplayName("on the server's side")
    class Input {
        @Test
        @DisplayName("record each line, without line ends and with control characters blanked")
        void recordsLines() throws IOException {
            Transcript t = readAll("* OK ready\r\nA1 NO bad\u0007bell\r\n", true);

            assertThat(t.snapshot().serverLines()).containsExactly("* OK ready", "A1 NO bad bell");
        }

        @Test
        @DisplayName("let small IMAP literals pass and stop big ones")
        void literals() throws IOException {
            assertThat(readAll("* 1 FETCH (BODY[] {12}\r\nhello world!)\r\n", true)
                            .violation())
                    .isNull();
            assertThatThrownBy(() -> readAll("* 1 FETCH (BODY[] {65537}\r\n", true))
                    .isInstanceOf(ServerMisbehaviorException.class)
                    .hasMessageContaining("literal");
            assertThatThrownBy(() -> readAll("* X {99999999999999999999999999999}\r\n", true))
                    .isInstanceOf(ServerMisbehaviorException.class);
        }

        @Test
        @DisplayName("leave literal-looking SMTP text alone")
        void smtpHasNoLiterals() throws IOException {
            assertThat(readAll("250 ok {99999999}\r\n", false).violation()).isNull();
        }

        @Test
        @DisplayName("stop a line longer than 64 KiB and keep refusing afterwards")
        void longLine() {
            Transcript transcript = new Transcript();
            InputStream in = new GuardedInputStream(
                    new ByteArrayInputStream("x".repeat(70_000).getBytes(StandardCharsets.US_ASCII)),
                    transcript,
                    false);

            assertThatThrownBy(in::readAllBytes).isInstanceOf(ServerMisbehaviorException.class);
            assertThatThrownBy(in::read).isInstanceOf(ServerMisbehaviorException.class);
            assertThat(transcript.violation()).contains("longer than 64 KiB");
        }

        @Test
        @DisplayName("stop after 1 MiB in all")
        void total() {
            String manyLines = "250-filler\r\n".repeat(100_000);

            assertThatThrownBy(() -> readAll(manyLines, false))
                    .isInstanceOf(ServerMisbehaviorException.class)
                    .hasMessageContaining("more than 1024 KiB");
        }
    }

    @Nested
    @DisplayName("on the client's side")
    class Output {
        @Test
        @DisplayName("note command verbs only, never arguments")
        void verbsOnly() throws IOException {
            Transcript transcript = new Transcript();
            try (CommandSpyOutputStream out =
                    new CommandSpyOutputStream(new ByteArrayOutputStream(), transcript, true)) {
                out.write("A0 CAPABILITY\r\nA1 LOGIN alice \"secret\"\r\nA2 AUTHENTICATE PLAIN\r\nc2VjcmV0\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
            }

            assertThat(transcript.snapshot().events())
                    .containsExactly(
                            new Transcript.ClientCommand("CAPABILITY"),
                            new Transcript.ClientCommand("LOGIN"),
                            new Transcript.ClientCommand("AUTHENTICATE"));
            assertThat(transcript.snapshot().authSent()).isTrue();
        }
    }

    @Nested
    @DisplayName("the scrubber")
    class Scrubbing {
        @Test
        @DisplayName("removes the password, its base64, the SASL PLAIN blobs and its quoted form")
        void allForms() {
            String password = "p\"w\\1";
            Base64.Encoder b64 = Base64.getEncoder();
            String text = String.join(
                    " ",
                    password,
                    b64.encodeToString(password.getBytes(StandardCharsets.UTF_8)),
                    b64.encodeToString(("\0bob\0" + password).getBytes(StandardCharsets.UTF_8)),
                    b64.encodeToString(("bob\0bob\0" + password).getBytes(StandardCharsets.UTF_8)),
                    "p\\\"w\\\\1",
                    "kept");
            try (Secret secret = Secret.copyOf(password.toCharArray());
                    Scrubber scrubber = new Scrubber(secret, "bob")) {
                String clean = scrubber.scrub(text);

                assertThat(clean)
                        .isEqualTo(String.join(" ", java.util.Collections.nCopies(5, Scrubber.MASK)) + " kept");
            }
        }
    }
}
