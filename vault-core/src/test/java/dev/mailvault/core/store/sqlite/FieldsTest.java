package dev.mailvault.core.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailvault.core.crypto.IntegrityException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/** The plaintext format of encrypted columns: what is put comes back, malformed input is refused, a wipe is total. */
@Label("Encrypted columns' fields")
class FieldsTest {

    @Property(tries = 300)
    @Label("every value put reads back, as text and as bytes, after encoding and decoding")
    void roundTrip(@ForAll @Size(max = 12) Map<@AlphaChars @StringLength(min = 1, max = 20) String, String> values) {
        Fields put = new Fields();
        values.forEach(put::put);
        Fields read = Fields.decode(put.encode());
        values.forEach((name, value) -> {
            assertThat(read.string(name)).isEqualTo(value);
            assertThat(read.bytes(name)).isEqualTo(value.getBytes(StandardCharsets.UTF_8));
        });
    }

    @Property(tries = 1000)
    @Label("holds says whether a value is a given text, as comparing the decoded text would")
    void holds(@ForAll @StringLength(max = 8) String stored, @ForAll @StringLength(max = 8) String asked) {
        Fields read = Fields.decode(new Fields().put("v", stored).encode());
        assertThat(read.holds("v", asked)).isEqualTo(read.string("v").equals(asked));
        assertThat(read.holds("v", stored)).isTrue();
        assertThat(read.holds("v", stored + "0")).isFalse();
        assertThatThrownBy(() -> read.holds("w", asked)).isInstanceOf(IntegrityException.class);
    }

    @Example
    @Label("holds compares bytes and text exactly: a prefix, a longer value, case and non-ASCII")
    void holdsExactly() {
        Fields read = Fields.decode(new Fields()
                .put("idx", "00ff")
                .put("name", "ドコモ")
                .putBytes("raw", new byte[] {(byte) 0xC3, (byte) 0xA9, 'x'})
                .encode());
        assertThat(read.holds("idx", "00ff")).isTrue();
        assertThat(read.holds("idx", "00FF")).isFalse();
        assertThat(read.holds("idx", "00f")).isFalse();
        assertThat(read.holds("idx", "00ff0")).isFalse();
        assertThat(read.holds("name", "ドコモ")).isTrue();
        assertThat(read.holds("name", "ドコ")).isFalse();
        assertThat(read.holds("raw", "éx")).isTrue();
        assertThat(read.holds("raw", "\u00c3\u00a9x")).isFalse();
    }

    @Example
    @Label("a name missing, or only the start of a longer name, is an integrity error")
    void missingField() {
        Fields read =
                Fields.decode(new Fields().put("imap_host", "mail.example.org").encode());
        assertThatThrownBy(() -> read.string("imap")).isInstanceOf(IntegrityException.class);
        assertThatThrownBy(() -> read.string("imap_hostname")).isInstanceOf(IntegrityException.class);
        assertThatThrownBy(() -> read.bytes("smtp_host")).isInstanceOf(IntegrityException.class);
    }

    @Example
    @Label("a name written twice reads as its last value, as the map the format was written from kept it")
    void lastOfTwo() {
        byte[] data = encode("label", "first", "label", "second");
        assertThat(Fields.decode(data).string("label")).isEqualTo("second");
    }

    @Example
    @Label("lengths past the end, negative lengths, bytes left over and absurd counts are refused")
    void malformed() {
        byte[] good = new Fields().put("a", "b").encode();
        assertMalformed(Arrays.copyOf(good, good.length - 1)); // value cut short
        assertMalformed(Arrays.copyOf(good, good.length + 1)); // a byte left over
        assertMalformed(new byte[] {0, 0}); // no count
        assertMalformed(ByteBuffer.allocate(4).putInt(1001).array());
        assertMalformed(ByteBuffer.allocate(4).putInt(-1).array());
        assertMalformed(ByteBuffer.allocate(8).putInt(1).putInt(-5).array());
        assertMalformed(ByteBuffer.allocate(8).putInt(1).putInt(100).array());
    }

    @Example
    @Label("a wipe clears the plaintext the fields read from and every copy they handed out")
    void wipeReachesCopies() {
        byte[] plain = new Fields().put("value", "hunter2-secret").encode();
        Fields read = Fields.decode(plain);
        byte[] handedOut = read.bytes("value");
        byte[] again = read.bytes("value");
        assertThat(handedOut).isNotSameAs(again);

        read.wipe();

        assertThat(plain).containsOnly(0);
        assertThat(handedOut).containsOnly(0);
        assertThat(again).containsOnly(0);
    }

    @Example
    @Label("put fields are wiped in place, and decoded ones take no new values")
    void putFields() {
        byte[] value = "hunter2".getBytes(StandardCharsets.UTF_8);
        Fields put = new Fields().putBytes("value", value);
        put.wipe();
        assertThat(value).containsOnly(0);

        Fields read = Fields.decode(new Fields().put("a", "b").encode());
        assertThatThrownBy(() -> read.put("c", "d")).isInstanceOf(IllegalStateException.class);
    }

    private static void assertMalformed(byte[] data) {
        assertThatThrownBy(() -> Fields.decode(data))
                .isInstanceOf(IntegrityException.class)
                .hasMessage("malformed record");
    }

    /** The format by hand, names and values alternating: {@link Fields#encode} cannot repeat a name. */
    private static byte[] encode(String... namesAndValues) {
        ByteBuffer out = ByteBuffer.allocate(1000);
        out.putInt(namesAndValues.length / 2);
        for (String s : namesAndValues) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            out.putInt(b.length);
            out.put(b);
        }
        return Arrays.copyOf(out.array(), out.position());
    }
}
