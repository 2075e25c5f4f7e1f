package dev.mailvault.core.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mailvault.core.BadInputException;
import dev.mailvault.core.account.Address;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Whatever the user's providers.json holds, {@link ProviderCatalog#withOverrides} gives a working
 * catalog or a {@link BadInputException} naming the file; it never throws anything else, never
 * changes the file, and never changes the built-in catalog.
 */
@Label("Provider catalog overrides file with arbitrary content")
class CatalogOverridesPropertyTest {
    private static final byte[] SAMPLE = sample();
    private static Path dir;
    private static final int BUILT_IN_SIZE = ProviderCatalog.builtIn().all().size();

    @BeforeContainer
    static void folder() throws IOException {
        dir = Files.createTempDirectory("catalog-fuzz");
    }

    @AfterContainer
    static void clean() throws IOException {
        Files.deleteIfExists(dir.resolve("providers.json"));
        Files.deleteIfExists(dir);
    }

    @Property(tries = 200)
    @Label("random bytes: a catalog or BadInputException naming the file, the file unchanged")
    void randomBytes(@ForAll @Size(max = 600) byte[] content) {
        readOrRefuse(content);
    }

    @Property(tries = 200)
    @Label("random text: a catalog or BadInputException naming the file, the file unchanged")
    void randomText(@ForAll @Size(max = 300) String content) {
        readOrRefuse(content.getBytes(StandardCharsets.UTF_8));
    }

    @Property(tries = 300)
    @Label("a real overrides file cut, damaged or spliced anywhere: a catalog or a clean refusal")
    void mutated(@ForAll("mutations") byte[] content) {
        readOrRefuse(content);
    }

    @Example
    @Label("the unmutated sample is a valid overrides file")
    void sampleIsValid() throws IOException {
        Path file = dir.resolve("providers.json");
        Files.write(file, SAMPLE);
        assertThat(ProviderCatalog.builtIn().withOverrides(file).all()).hasSize(BUILT_IN_SIZE);
    }

    @Provide
    Arbitrary<byte[]> mutations() {
        Arbitrary<Integer> at = Arbitraries.integers().between(0, SAMPLE.length);
        Arbitrary<byte[]> cut = at.map(n -> Arrays.copyOf(SAMPLE, n));
        Arbitrary<byte[]> changed = Arbitraries.integers()
                .between(0, SAMPLE.length - 1)
                .flatMap(i -> Arbitraries.bytes().map(b -> {
                    byte[] copy = SAMPLE.clone();
                    copy[i] = b;
                    return copy;
                }));
        Arbitrary<byte[]> spliced = Arbitraries.of(
                        "{",
                        "}",
                        "[",
                        "]",
                        ",",
                        "\"",
                        ":",
                        "null",
                        "-1",
                        "1e999",
                        "\"generic\"",
                        "\"example.jp\"",
                        "\"imap\":{}",
                        "\\u0000",
                        "\uFEFF",
                        "99999999999999999999",
                        "\"domains\":[\"\"]")
                .flatMap(s -> at.map(n -> {
                    byte[] insert = s.getBytes(StandardCharsets.UTF_8);
                    byte[] out = new byte[SAMPLE.length + insert.length];
                    System.arraycopy(SAMPLE, 0, out, 0, n);
                    System.arraycopy(insert, 0, out, n, insert.length);
                    System.arraycopy(SAMPLE, n, out, n + insert.length, SAMPLE.length - n);
                    return out;
                }));
        return Arbitraries.oneOf(cut, changed, spliced);
    }

    private static void readOrRefuse(byte[] content) {
        Path file = dir.resolve("providers.json");
        try {
            Files.write(file, content);
            try {
                ProviderCatalog catalog = ProviderCatalog.builtIn().withOverrides(file);
                assertThat(catalog.generic()).isNotNull();
                assertThat(catalog.lookup(Address.of("taro@docomo.ne.jp"))).isNotNull();
                assertThat(catalog.lookup(Address.of("someone@unknown-domain.example")))
                        .isNotNull();
                Statistics.collect("read");
            } catch (BadInputException e) {
                assertThat(e.getMessage()).contains(file.toString());
                Statistics.collect("refused");
            }
            assertThat(Files.readAllBytes(file)).isEqualTo(content);
            assertThat(ProviderCatalog.builtIn().all()).hasSize(BUILT_IN_SIZE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An overrides file as a user would write one: two entries of the catalog's own JSON form. */
    private static byte[] sample() {
        try {
            ObjectMapper json = new ObjectMapper();
            ObjectNode all =
                    (ObjectNode) json.readTree(ProviderCatalog.builtIn().toJson());
            ArrayNode providers = (ArrayNode) all.get("providers");
            ArrayNode kept = json.createArrayNode();
            kept.add(providers.get(0));
            kept.add(providers.get(providers.size() - 1));
            all.set("providers", kept);
            return json.writeValueAsBytes(all);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
