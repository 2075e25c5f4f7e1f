package dev.mailvault.core.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Where an import entry is")
class EntrySourceTest {
    @Test
    @DisplayName("is shown in Japanese for Japanese, as made for English")
    void labels() {
        assertThat(EntrySource.label(EntrySource.line(7), Locale.JAPANESE)).isEqualTo("7 行目");
        assertThat(EntrySource.label(EntrySource.item(3), Locale.JAPANESE)).isEqualTo("3 件目");
        assertThat(EntrySource.label(EntrySource.line(7), Locale.ENGLISH)).isEqualTo("line 7");
        assertThat(EntrySource.label(EntrySource.item(3), Locale.ROOT)).isEqualTo("item 3");
    }

    @Test
    @DisplayName("keeps what follows the number, never groups it, and leaves a file's own names alone")
    void rest() {
        assertThat(EntrySource.label("line 3 (Gmail)", Locale.JAPANESE)).isEqualTo("3 行目 (Gmail)");
        assertThat(EntrySource.label(EntrySource.line(12345), Locale.JAPANESE)).isEqualTo("12345 行目");
        assertThat(EntrySource.label("account2", Locale.JAPANESE)).isEqualTo("account2");
        assertThat(EntrySource.label("lines 2", Locale.JAPANESE)).isEqualTo("lines 2");
    }

    @Test
    @DisplayName("an earlier duplicate is named in the reason's language")
    void duplicateDetail() {
        assertThat(SkipReason.DUPLICATE_IN_FILE.message(Locale.JAPANESE, "line 3 (Gmail)"))
                .isEqualTo("同じアドレスがファイルの前のほうにもあります（3 行目 (Gmail)）");
        assertThat(SkipReason.DUPLICATE_IN_FILE.message(Locale.ENGLISH, "line 3 (Gmail)"))
                .isEqualTo("the same address appears earlier in the file (line 3 (Gmail))");
    }
}
