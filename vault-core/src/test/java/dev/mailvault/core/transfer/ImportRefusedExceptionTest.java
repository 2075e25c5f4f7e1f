package dev.mailvault.core.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.mailvault.core.transfer.ImportRefusedException.Reason;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("An import file that is refused, in the user's language")
class ImportRefusedExceptionTest {
    private static final Pattern JAPANESE = Pattern.compile("[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}]");

    static List<BrokenImports.Case> cases() {
        return BrokenImports.all();
    }

    private static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(
                "dev.mailvault.core.transfer.TransferTexts",
                locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @DisplayName("has its reason, English as its message, and a Japanese text naming the same file")
    void japanese(BrokenImports.Case c, @TempDir Path dir) {
        Path file = c.make(dir);
        ImportRefusedException e = catchThrowableOfType(
                () -> new Importer(TransferFixtures.SERVERS).read(file, c.format()), ImportRefusedException.class);
        assertThat(e).isNotNull();
        assertThat(e.reason()).hasToString(c.reason());
        assertThat(e.message(Locale.ENGLISH)).isEqualTo(e.getMessage()).isEqualTo(c.english(file));
        assertThat(e.message(null)).isEqualTo(e.getMessage());
        String ja = e.message(Locale.JAPANESE);
        assertThat(ja).containsPattern(JAPANESE).contains(file.toString());
        // the English words of the reason are not left in the Japanese text
        String english = new MessageFormat(bundle(Locale.ROOT).getString(key(e.reason())), Locale.ROOT)
                .format(new Object[] {"\u0001", "\u0001"});
        for (String words : english.split("\u0001")) {
            if (words.strip().length() >= 8) {
                assertThat(ja).doesNotContain(words.strip());
            }
        }
    }

    @Test
    @DisplayName("every reason has its text in English and Japanese, with the same arguments")
    void everyReason() {
        Set<Reason> checked = EnumSet.noneOf(Reason.class);
        for (Reason reason : Reason.values()) {
            String en = bundle(Locale.ROOT).getString(key(reason));
            String ja = bundle(Locale.JAPANESE).getString(key(reason));
            assertThat(ja).as(reason.name()).containsPattern(JAPANESE);
            assertThat(arguments(ja)).as(reason.name()).isEqualTo(arguments(en));
            checked.add(reason);
        }
        assertThat(checked).containsExactlyInAnyOrder(Reason.values());
        assertThat(bundle(Locale.JAPANESE).keySet())
                .containsAll(bundle(Locale.ROOT).keySet());
    }

    @Test
    @DisplayName("places come before the refusal found there, joined in Japanese as in English")
    void places() {
        ImportRefusedException e = ImportRefusedException.at(
                "/tmp/x.json",
                ImportRefusedException.at(
                        "item 3 (line 12)", ImportRefusedException.of(Reason.FIELD_NOT_TEXT, "login.\"username\"")));
        assertThat(e.getMessage()).isEqualTo("/tmp/x.json: item 3 (line 12): login.\"username\" must be text");
        assertThat(e.message(Locale.JAPANESE)).isEqualTo("/tmp/x.json の 3 件目（12 行目）：login.\"username\" がテキストではありません");
        assertThat(e.reason()).isEqualTo(Reason.FIELD_NOT_TEXT);
        assertThat(ImportRefusedException.at(
                                "x.json",
                                ImportRefusedException.at(
                                        "line 1, column 2", ImportRefusedException.of(Reason.JSON_TRAILING)))
                        .message(Locale.JAPANESE))
                .isEqualTo("x.json の 1 行 2 列目：JSON の終わりのあとにも文字があります");
    }

    @Test
    @DisplayName("a core message from outside the importer stays as it is inside the Japanese text")
    void foreignInner() {
        ImportRefusedException e = ImportRefusedException.at(
                "x.csv",
                ImportRefusedException.at(
                        "line 4",
                        ImportRefusedException.of(
                                Reason.NOTES_LINE,
                                new dev.mailvault.core.BadInputException("not an e-mail address: 'x'"),
                                "mail vault address")));
        assertThat(e.getMessage())
                .isEqualTo(
                        "x.csv: line 4: the notes line 'mail vault address' does not read: not an e-mail address: 'x'");
        assertThat(e.message(Locale.JAPANESE))
                .isEqualTo("x.csv の 4 行目：メモの「mail vault address」の行を読めません：not an e-mail address: 'x'");
    }

    private static String key(Reason reason) {
        return "refused." + reason.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static Set<String> arguments(String pattern) {
        Matcher m = Pattern.compile("\\{[0-9]}").matcher(pattern.replaceAll("'[^']*'", ""));
        return m.results().map(r -> r.group()).collect(Collectors.toSet());
    }
}
