package dev.mailvault.cli.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("LineReader: UTF-8 lines into char arrays")
class LineReaderTest {
    private static LineReader reader(byte[] bytes) {
        return new LineReader(new ByteArrayInputStream(bytes));
    }

    private static LineReader reader(String text) {
        return reader(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("reads lines in order, without their LF or CRLF, then null at the end")
    void lines() {
        LineReader r = reader("first\r\nsecond\n\nlast");
        assertThat(r.readLine()).containsExactly("first".toCharArray());
        assertThat(r.readLine()).containsExactly("second".toCharArray());
        assertThat(r.readLine()).isEmpty();
        assertThat(r.readLine()).containsExactly("last".toCharArray());
        assertThat(r.readLine()).isNull();
    }

    @Test
    @DisplayName("never reads past the end of the line it returns")
    void noOverRead() {
        ByteArrayInputStream in = new ByteArrayInputStream("one\ntwo\n".getBytes(StandardCharsets.UTF_8));
        new LineReader(in).readLine();
        assertThat(in.available()).isEqualTo(4);
    }

    @Test
    @DisplayName("decodes multi-byte characters and drops a leading byte-order mark")
    void multiByte() {
        assertThat(reader("\uFEFFパスワード😀\n").readLine()).containsExactly("パスワード😀".toCharArray());
    }

    @Test
    @DisplayName("refuses bytes that are not UTF-8")
    void notUtf8() {
        assertThatThrownBy(() ->
                        reader(new byte[] {(byte) 0xC3, (byte) 0x28, '\n'}).readLine())
                .isInstanceOf(LineReader.NotUtf8Exception.class);
    }

    @Test
    @DisplayName("takes a line of 64 KiB and refuses a longer one")
    void lineLimit() {
        String longest = "x".repeat(LineReader.MAX_LINE_BYTES);
        assertThat(reader(longest + "\n").readLine()).hasSize(LineReader.MAX_LINE_BYTES);
        assertThatThrownBy(() -> reader(longest + "x\n").readLine())
                .isInstanceOf(LineReader.LineTooLongException.class);
    }

    @Test
    @DisplayName("handles lines longer than its first buffer")
    void longLine() {
        String text = "x".repeat(1000);
        assertThat(reader(text + "\n").readLine()).containsExactly(text.toCharArray());
    }

    @Property
    void roundTrip(@ForAll String text) {
        String line = text.replace("\n", "").replace("\r", "").replace("\uFEFF", "");
        // unpaired surrogates have no UTF-8 form
        Assume.that(StandardCharsets.UTF_8.newEncoder().canEncode(line));
        assertThat(reader(line + "\n").readLine()).containsExactly(line.toCharArray());
    }
}
