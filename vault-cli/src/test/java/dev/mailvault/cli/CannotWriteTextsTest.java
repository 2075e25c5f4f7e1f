package dev.mailvault.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailvault.cli.Cli.Result;
import dev.mailvault.core.files.AtomicFiles;
import dev.mailvault.core.files.UnwritableFileException;
import dev.mailvault.core.files.UnwritableFileException.Why;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An output file that cannot be written is told in the user's language, for every reason. */
@DisplayName("Output files that cannot be written")
class CannotWriteTextsTest {
    @TempDir
    Path dir;

    /** One refusal of each kind, made by the core as a command would meet it. */
    private List<UnwritableFileException> everyReason() throws Exception {
        List<UnwritableFileException> out = new ArrayList<>();
        Path file = dir.resolve("out.csv");
        for (Path target : List.of(dir.resolve("missing/out.csv"), dir, Path.of("/dev/null"))) {
            try {
                AtomicFiles.checkTarget(target);
            } catch (UnwritableFileException e) {
                out.add(e);
            }
        }
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), Path.of("/dev/null"));
        try {
            AtomicFiles.checkTarget(link);
        } catch (UnwritableFileException e) {
            out.add(e);
        }
        out.add(AtomicFiles.cannotWrite(file, new AccessDeniedException(file.toString())));
        out.add(AtomicFiles.cannotWrite(file, new NoSuchFileException(file.toString())));
        out.add(AtomicFiles.cannotWrite(file, new FileSystemException(file.toString(), null, "Read-only file system")));
        out.add(AtomicFiles.cannotWrite(file, new IOException("No space left on device")));
        // as the vault's store refuses a copy SQLite cannot open, or one an earlier upgrade left
        out.add(AtomicFiles.cannotWrite(file, Why.CANNOT_OPEN, "", null));
        out.add(AtomicFiles.cannotWrite(file, Why.EXISTS, "", null));
        Set<Why> seen = EnumSet.noneOf(Why.class);
        out.forEach(e -> seen.add(e.why()));
        assertThat(seen).as("every reason is made").isEqualTo(EnumSet.allOf(Why.class));
        return out;
    }

    @Test
    @DisplayName("the English text is the core's message word for word; the Japanese one is Japanese")
    void bothLanguages() throws Exception {
        Texts en = Texts.load(Lang.ENGLISH);
        Texts ja = Texts.load(Lang.JAPANESE);
        for (UnwritableFileException e : everyReason()) {
            String key = "err.cannotWrite." + e.why().name();
            assertThat(en.get(key, e.file(), e.detail())).as(key).isEqualTo(e.getMessage());
            assertThat(ja.get(key, e.file(), e.detail()))
                    .as(key)
                    .contains(e.file().toString(), "に書き込めません")
                    .doesNotContain("cannot write");
        }
    }

    @Test
    @DisplayName("vault remind --ics FOLDER says so in Japanese, exit 2")
    void japaneseCommand() throws Exception {
        Cli cli = Cli.withEmptyVault(dir);
        Path folder = Files.createDirectory(dir.resolve("calendar"));
        Result r = cli.unlocked("--lang", "ja", "remind", "--ics", folder.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).isEqualTo("vault: " + folder + " に書き込めません。フォルダーです（ファイル名を指定してください）。\n");
    }
}
