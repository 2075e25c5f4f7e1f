package dev.mailvault.core.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailvault.core.BadInputException;
import dev.mailvault.core.remind.RotationPolicy;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * The hand-written syntax checks accept exactly what the regular expressions they replaced
 * accepted: the expressions are kept here as the oracle.
 */
@Label("Host, address and policy syntax against the regular expressions")
class MailSyntaxPropertyTest {
    private static final Pattern HOST = Pattern.compile(
            "(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.?");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern LOCAL = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}");
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final Pattern POLICY = Pattern.compile("(\\d{1,4})([md])");

    /** Text near the edges: labels of 62 to 64 characters, names of 63 to 65, hosts of 252 to 254. */
    @Provide
    Arbitrary<String> text() {
        List<String> pieces = new ArrayList<>(List.of(
                "a|Z|0|9|-|.|..|@|_|!|~|'| |\n|\u0000|é|İ|٣|９|\uD83D\uDCE7|m|d|M|111|1234|12345|ab-cd|255.255.255.255"
                        .split("\\|")));
        pieces.addAll(List.of(
                "x".repeat(61), "y".repeat(62), "z".repeat(63), "n".repeat(64), ("h".repeat(62) + ".").repeat(4)));
        Arbitrary<String> joined = Arbitraries.of(pieces).list().ofMaxSize(7).map(list -> String.join("", list));
        return Arbitraries.frequencyOf(
                Tuple.of(4, joined),
                Tuple.of(1, Arbitraries.strings().withChars("aZ09-.@_é\n").ofMaxLength(300)),
                Tuple.of(1, Arbitraries.strings().ofMaxLength(40)));
    }

    @Property(tries = 3000)
    @Label("a host name as HOST or IPV4 had it")
    void hostName(@ForAll("text") String text) {
        boolean before = HOST.matcher(text).matches() || IPV4.matcher(text).matches();
        assertThat(MailSyntax.isHostName(text)).as("'%s'", text).isEqualTo(before);
        assertThat(accepts(() -> new Endpoint(text, 993, Security.TLS))).isEqualTo(before);
    }

    @Property(tries = 3000)
    @Label("a label and a name part as LABEL and LOCAL had them")
    void labelAndName(@ForAll("text") String text) {
        assertThat(MailSyntax.isLabel(text, 0, text.length()))
                .as("'%s'", text)
                .isEqualTo(LABEL.matcher(text).matches());
        assertThat(MailSyntax.isNameCharacters(text))
                .as("'%s'", text)
                .isEqualTo(LOCAL.matcher(text).matches());
    }

    @Property(tries = 3000)
    @Label("an address as the expressions had it")
    void address(@ForAll("text") String name, @ForAll("text") String domain) {
        String value = name + "@" + domain;
        boolean before = addressBefore(value);
        assertThat(accepts(() -> new Address(value))).as("'%s'", value).isEqualTo(before);
        if (before) {
            int at = value.lastIndexOf('@');
            assertThat(new Address(value).value())
                    .isEqualTo(value.substring(0, at) + "@"
                            + value.substring(at + 1).toLowerCase(java.util.Locale.ROOT));
        }
    }

    @Property(tries = 2000)
    @Label("a rotation policy as POLICY had it")
    void policy(@ForAll("text") String text) {
        RotationPolicy before = policyBefore(text);
        if (before == null) {
            assertThat(accepts(() -> RotationPolicy.parse(text)))
                    .as("'%s'", text)
                    .isFalse();
        } else {
            assertThat(RotationPolicy.parse(text)).isEqualTo(before);
        }
    }

    @Example
    @Label("the edges, by name")
    void edges() {
        String label63 = "a".repeat(63);
        assertThat(MailSyntax.isHostName(label63 + ".jp")).isTrue();
        assertThat(MailSyntax.isHostName("a" + label63 + ".jp")).isFalse();
        String host253 = ("h".repeat(62) + ".").repeat(4) + "a";
        assertThat(host253).hasSize(253);
        assertThat(MailSyntax.isHostName(host253)).isTrue();
        assertThat(MailSyntax.isHostName(host253 + ".")).isFalse();
        assertThat(MailSyntax.isHostName("imap.example.jp.")).isTrue();
        assertThat(MailSyntax.isHostName("imap..example.jp")).isFalse();
        assertThat(MailSyntax.isHostName("-imap.example.jp")).isFalse();
        assertThat(MailSyntax.isHostName("192.0.2.1")).isTrue();
        assertThat(MailSyntax.isNameCharacters("n".repeat(64))).isTrue();
        assertThat(MailSyntax.isNameCharacters("n".repeat(65))).isFalse();
        assertThat(RotationPolicy.parse(" 12M ")).isEqualTo(new RotationPolicy(Period.ofMonths(12)));
        assertThat(RotationPolicy.parse("9999d")).isEqualTo(new RotationPolicy(Period.ofDays(9999)));
        assertThat(accepts(() -> RotationPolicy.parse("10000d"))).isFalse();
        assertThat(accepts(() -> RotationPolicy.parse("0m"))).isFalse();
    }

    private static boolean addressBefore(String value) {
        int at = value.lastIndexOf('@');
        if (at <= 0 || at == value.length() - 1 || value.length() > 254) {
            return false;
        }
        String local = value.substring(0, at);
        String domain = value.substring(at + 1).toLowerCase(java.util.Locale.ROOT);
        if (!LOCAL.matcher(local).matches() || local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
            return false;
        }
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2) {
            return false;
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    private static RotationPolicy policyBefore(String text) {
        String t = text.strip().toLowerCase(java.util.Locale.ROOT);
        if (t.equals("never")) {
            return RotationPolicy.NEVER;
        }
        Matcher m = POLICY.matcher(t);
        if (!m.matches() || Integer.parseInt(m.group(1)) == 0) {
            return null;
        }
        int n = Integer.parseInt(m.group(1));
        return new RotationPolicy(m.group(2).equals("m") ? Period.ofMonths(n) : Period.ofDays(n));
    }

    private static boolean accepts(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (BadInputException e) {
            return false;
        }
    }
}
