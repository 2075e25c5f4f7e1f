package dev.mailvault.ui.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailvault.core.files.AtomicFiles;
import dev.mailvault.core.files.UnwritableFileException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
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
}
