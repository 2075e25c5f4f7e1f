package dev.mailvault.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailvault.core.VaultUnavailableException;
import dev.mailvault.core.VaultUnavailableException.Reason;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The app's words for a vault it cannot use")
class VaultUnavailableTextsTest {
    @Test
    @DisplayName("a full disk is told in the app's language, the vault file below it")
    void diskFull() {
        Path vault = Path.of("/home/taro/vault.db");
        VaultUnavailableException full = new VaultUnavailableException(
                Reason.DISK_FULL,
                vault,
                "the disk holding /home/taro/vault.db is full; nothing was saved (free some space and try again)");
        assertThat(ErrorTexts.describe(full, Texts.forLocale(Locale.ENGLISH)))
                .isEqualTo("The disk holding the vault is full; nothing was saved. Free some space and try again.\n"
                        + "File: /home/taro/vault.db");
        assertThat(ErrorTexts.describe(full, Texts.forLocale(Locale.JAPAN)))
                .isEqualTo("保管庫のあるディスクがいっぱいです。何も保存していません。空き容量を作ってから、もう一度お試しください。\n" + "ファイル：/home/taro/vault.db");
    }

    @Test
    @DisplayName("every reason has its own text in both languages")
    void everyReasonWorded() {
        for (Reason reason : Reason.values()) {
            String key = "error.unavailable." + reason.name().toLowerCase(Locale.ROOT);
            assertThat(Texts.forLocale(Locale.JAPAN).get(key))
                    .as(key)
                    .isNotEqualTo(Texts.forLocale(Locale.ENGLISH).get(key));
        }
    }
}
