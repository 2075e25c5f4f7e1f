package dev.mailvault.core.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.mailvault.core.BadInputException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("An import file that is refused, in English")
class ImportRefusalEnglishTest {
    static List<BrokenImports.Case> cases() {
        return BrokenImports.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @DisplayName("says what it always said, word for word")
    void english(BrokenImports.Case c, @TempDir Path dir) {
        Path file = c.make(dir);
        BadInputException e = catchThrowableOfType(
                () -> new Importer(TransferFixtures.SERVERS).read(file, c.format()), BadInputException.class);
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).isEqualTo(c.english(file));
    }
}
