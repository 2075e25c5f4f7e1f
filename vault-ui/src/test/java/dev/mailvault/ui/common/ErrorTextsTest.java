package dev.mailvault.ui.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailvault.core.VaultException;
import dev.mailvault.core.VaultService;
import dev.mailvault.core.VaultUnavailableException;
import dev.mailvault.core.crypto.Secret;
import dev.mailvault.core.files.AtomicFiles;
import dev.mailvault.core.files.UnwritableFileException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The app's words for failures")
class ErrorTextsTest {
    @Test
    @DisplayName("an output file that cannot be written is told in the app's language, also from a background task")
    void unwritableFile(@TempDir Path dir) {
        Path file = dir.resolve("export.csv");
        UnwritableFileException denied = AtomicFiles.cannotWrite(file, new AccessDeniedException(file.toString()));
        assertThat(ErrorTexts.describe(new ExecutionException(denied), Texts.forLocale(Locale.JAPAN)))
                .isEqualTo(file + " に書き込めません。書き込む権限がありません。");
        assertThat(ErrorTexts.describe(denied, Texts.forLocale(Locale.ENGLISH)))
                .isEqualTo("Cannot write " + file + ": permission denied.");

        UnwritableFileException full = AtomicFiles.cannotWrite(file, new IOException("No space left on device"));
        assertThat(ErrorTexts.describe(full, Texts.forLocale(Locale.JAPAN)))
                .isEqualTo(file + " に書き込めません。ディスクに空きがありません。");
        assertThat(ErrorTexts.describe(full, Texts.forLocale(Locale.ENGLISH)))
                .isEqualTo("Cannot write " + file + ": no space left on device.");

        assertThatThrownBy(() -> AtomicFiles.checkTarget(dir))
                .isInstanceOfSatisfying(
                        UnwritableFileException.class,
                        folder -> assertThat(ErrorTexts.describe(folder, Texts.forLocale(Locale.JAPAN)))
                                .isEqualTo(dir + " に書き込めません。フォルダーです。ファイル名を指定してください。"));
    }

    @Test
    @DisplayName("every reason a file cannot be written has its text in both languages, naming the file")
    void everyReasonWorded() {
        for (UnwritableFileException.Why why : UnwritableFileException.Why.values()) {
            String key = "error.cannotWrite." + why.name().toLowerCase(Locale.ROOT);
            for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.JAPAN}) {
                assertThat(Texts.forLocale(locale).get(key, "/out/file.csv", "/out"))
                        .as(key + " " + locale)
                        .contains("/out/file.csv");
            }
        }
    }

    @Test
    @DisplayName("a vault file that cannot be used is told by its reason and its name, without the core's English")
    void unavailableVault(@TempDir Path dir) throws Exception {
        Path empty = Files.createFile(dir.resolve("vault.db"));
        VaultService service = new VaultService(Clock.systemUTC(), new SecureRandom(), dir.resolve("state"));
        assertThatThrownBy(() -> service.open(empty, Secret.copyOf("master".toCharArray())))
                .isInstanceOfSatisfying(VaultUnavailableException.class, e -> {
                    assertThat(ErrorTexts.describe(e, Texts.forLocale(Locale.ENGLISH)))
                            .isEqualTo("This file is not a Mail Vault vault.\nFile: " + empty);
                    assertThat(ErrorTexts.describe(e, Texts.forLocale(Locale.JAPAN)))
                            .isEqualTo("このファイルは Mail Vault の保管庫ではありません。\nファイル：" + empty);
                });
    }

    @Test
    @DisplayName("any other failure of the core is told in Japanese without the core's English")
    void plainFailures() {
        VaultException copy = new VaultException("cannot write the copy /tmp/x.db: Input/output error");
        assertThat(ErrorTexts.describe(copy, Texts.forLocale(Locale.ENGLISH)))
                .isEqualTo("cannot write the copy /tmp/x.db: Input/output error");
        assertThat(ErrorTexts.describe(copy, Texts.forLocale(Locale.JAPAN)))
                .isEqualTo("処理を完了できませんでした。保管庫への変更は保存されていません。");
    }
}
