package dev.mailvault.core.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailvault.core.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

@Label("Importing arbitrary input")
class ProviderImportPropertyTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
    private static final byte[] SAMPLE = sample();

    @Property(tries = 300)
    @Label("random bytes either parse or are refused with BadInputException, nothing else")
    void randomBytes(@ForAll @Size(max = 600) byte[] input) {
        parseOrRefuse(input);
    }

    @Property(tries = 300)
    @Label("random strings either parse or are refused with BadInputException, nothing else")
    void randomStrings(@ForAll @Size(max = 400) String input) {
        parseOrRefuse(input.getBytes(StandardCharsets.UTF_8));
    }

    @Property(tries = 300)
    @Label("a real file cut, damaged or spliced anywhere either parses or is refused cleanly")
    void mutatedSample(@ForAll("mutations") byte[] input) {
        parseOrRefuse(input);
    }

    @Provide
    Arbitrary<byte[]> mutations() {
        Arbitrary<Integer> at = Arbitraries.integers().between(0, SAMPLE.length);
        Arbitrary<byte[]> cut = at.map(n -> java.util.Arrays.copyOf(SAMPLE, n));
        Arbitrary<byte[]> flipped = Arbitraries.integers()
                .between(0, SAMPLE.length - 1)
                .flatMap(i -> Arbitraries.bytes().map(b -> {
                    byte[] copy = SAMPLE.clone();
                    copy[i] = b;
                    return copy;
                }));
        Arbitrary<byte[]> spliced = Arbitraries.of(
                        "<", ">", "&", "]]>", "<!DOCTYPE x>", "&amp;", "<port>", "</emailProvider>", "%", "\u0000")
                .flatMap(s -> at.map(n -> {
                    byte[] insert = s.getBytes(StandardCharsets.UTF_8);
                    byte[] out = new byte[SAMPLE.length + insert.length];
                    System.arraycopy(SAMPLE, 0, out, 0, n);
                    System.arraycopy(insert, 0, out, n, insert.length);
                    System.arraycopy(SAMPLE, n, out, n + insert.length, SAMPLE.length - n);
                    return out;
                }));
        return Arbitraries.oneOf(cut, flipped, spliced);
    }

    private static void parseOrRefuse(byte[] input) {
        try {
            Provider provider = ProviderImport.fromAutoconfig(input, "input.xml", TODAY);
            assertThat(provider.confirmed()).isFalse();
            assertThat(provider.imap()).isPresent();
            assertThat(provider.smtp()).isPresent();
        } catch (BadInputException e) {
            assertThat(e.getMessage()).startsWith("input.xml");
        }
    }

    private static byte[] sample() {
        try (InputStream in = ProviderImportPropertyTest.class.getResourceAsStream("autoconfig/example-isp.jp.xml")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
