package dev.mailvault.core.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailvault.core.BadInputException;
import dev.mailvault.core.crypto.KdfParameters;
import dev.mailvault.core.devices.DeviceType;
import dev.mailvault.core.provider.LoginForm;
import dev.mailvault.core.provider.PasswordKind;
import dev.mailvault.core.remind.RotationPolicy;
import dev.mailvault.core.transfer.ExportFormat;
import dev.mailvault.core.transfer.ImportFormat;
import dev.mailvault.core.verify.TrustAnchors;
import java.util.function.Function;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Every parser of user input either gives a value or refuses with {@link BadInputException}, the
 * error the CLI turns into exit 2 with its message; never another exception. Values that parse
 * come back unchanged through their printed form.
 */
@Label("Parsers of user input")
class InputSyntaxPropertyTest {

    /** Random text, and text assembled from the pieces these syntaxes are made of. */
    @Provide
    Arbitrary<String> text() {
        Arbitrary<String> pieces = Arbitraries.of(
                        "imap",
                        "smtp",
                        "app",
                        "portal",
                        "tls",
                        "ssl",
                        "starttls",
                        "plain",
                        "never",
                        ":",
                        "::",
                        "@",
                        "@@",
                        ".",
                        "..",
                        "-",
                        "993",
                        "0",
                        "65535",
                        "65536",
                        "-1",
                        "2147483648",
                        "6",
                        "12",
                        "m",
                        "d",
                        "y",
                        "example",
                        "jp",
                        "docomo",
                        "ne",
                        " ",
                        "\t",
                        "\n",
                        "\u0000",
                        "ＩＭＡＰ",
                        "９９３",
                        "＠",
                        "İ",
                        "ß",
                        "\uD83D\uDCE7",
                        "\uD800",
                        "app:",
                        "APP:",
                        "x".repeat(70),
                        "a".repeat(300),
                        "%s",
                        "${x}",
                        "'",
                        "\"",
                        "\\",
                        "/",
                        "[",
                        "]",
                        "[::1]",
                        "127.0.0.1",
                        "999.999.999.999",
                        "xn--",
                        "-----BEGIN CERTIFICATE-----",
                        "-----END CERTIFICATE-----",
                        "MIIB",
                        "iphone",
                        "thunderbird",
                        "keepassxc-csv",
                        "bitwarden-json",
                        "encrypted")
                .list()
                .ofMaxSize(6)
                .map(list -> String.join("", list));
        return Arbitraries.frequencyOf(
                        Tuple.of(3, pieces),
                        Tuple.of(2, Arbitraries.strings().ofMaxLength(40)),
                        Tuple.of(1, Arbitraries.strings().all().ofMaxLength(300)))
                .injectNull(0.02);
    }

    @Property(tries = 500)
    @Label("Endpoint.parse: an endpoint that prints back to itself, or BadInputException")
    void endpoint(@ForAll("text") String text) {
        parsesOrRefuses(() -> Endpoint.parse(text), e -> Endpoint.parse(e.toString()));
    }

    @Property(tries = 500)
    @Label("Address.of: an address that reads back to itself, or BadInputException")
    void address(@ForAll("text") String text) {
        parsesOrRefuses(() -> Address.of(text), a -> Address.of(a.value()));
    }

    @Property(tries = 500)
    @Label("CredentialRef.parse: a credential that prints back to itself, or BadInputException")
    void credentialRef(@ForAll("text") String text) {
        parsesOrRefuses(() -> CredentialRef.parse(text), r -> CredentialRef.parse(r.toString()));
    }

    @Property(tries = 500)
    @Label("RotationPolicy.parse: a policy that prints back to itself, or BadInputException")
    void rotationPolicy(@ForAll("text") String text) {
        parsesOrRefuses(() -> RotationPolicy.parse(text), p -> RotationPolicy.parse(p.spec()));
    }

    @Property(tries = 300)
    @Label("Security, device type, login form, password kind, import and export format: a value or BadInputException")
    void enumerations(@ForAll("text") String text) {
        parsesOrRefuses(() -> Security.parse(text), s -> s);
        parsesOrRefuses(() -> DeviceType.parse(text), t -> t);
        parsesOrRefuses(() -> LoginForm.parse(text), f -> f);
        parsesOrRefuses(() -> PasswordKind.parse(text), k -> k);
        parsesOrRefuses(() -> ImportFormat.parse(text), f -> f);
        parsesOrRefuses(() -> ExportFormat.parse(text), f -> f);
    }

    @Property(tries = 200)
    @Label("TrustAnchors.of with an arbitrary CA text: anchors or BadInputException")
    void caCertificate(@ForAll("text") String pem) {
        parsesOrRefuses(() -> TrustAnchors.of(pem, null), t -> t);
    }

    @Property(tries = 500)
    @Label("KdfParameters: within the floor and the ceiling, or BadInputException; never a silent overflow")
    void kdfParameters(@ForAll int memory, @ForAll int iterations, @ForAll int parallelism) {
        parsesOrRefuses(() -> new KdfParameters(memory, iterations, parallelism), k -> {
            assertThat(k.memoryKib()).isBetween(KdfParameters.FLOOR_MEMORY_KIB, KdfParameters.CEILING_MEMORY_KIB);
            return k;
        });
        parsesOrRefuses(() -> KdfParameters.ofMebibytes(memory, iterations, parallelism), k -> {
            assertThat(k.memoryMib()).isEqualTo(memory);
            return k;
        });
    }

    private static <T> void parsesOrRefuses(Supplier<T> parse, Function<T, T> again) {
        T value;
        try {
            value = parse.get();
        } catch (BadInputException e) {
            assertThat(e.getMessage()).isNotBlank();
            return;
        }
        assertThat(value).isNotNull();
        assertThat(again.apply(value)).isEqualTo(value);
    }
}
