package dev.mailvault.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Collections;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The English and Japanese bundles")
class BundlesTest {
    private final ResourceBundle en = Texts.load(Lang.ENGLISH).bundle();
    private final ResourceBundle ja = Texts.load(Lang.JAPANESE).bundle();

    @Test
    @DisplayName("have the same keys (each file its own, not through the Japanese bundle's English parent)")
    void sameKeys() throws IOException {
        assertThat(new TreeSet<>(source("messages_ja.properties").stringPropertyNames()))
                .isEqualTo(new TreeSet<>(source("messages.properties").stringPropertyNames()));
    }

    @Test
    @DisplayName("hold exactly the texts of the properties files they are made from at build time")
    void sameAsSource() throws IOException {
        Properties english = source("messages.properties");
        Properties japanese = source("messages_ja.properties");
        assertThat(new TreeSet<>(Collections.list(en.getKeys())))
                .isEqualTo(new TreeSet<>(english.stringPropertyNames()));
        for (String key : english.stringPropertyNames()) {
            assertThat(en.getString(key)).as(key).isEqualTo(english.getProperty(key));
            assertThat(ja.getString(key)).as(key).isEqualTo(japanese.getProperty(key));
        }
    }

    /** Read as PropertyResourceBundle reads them: UTF-8. */
    private static Properties source(String name) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(
                Path.of("src/main/resources/dev/mailvault/cli", name), StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }

    @Test
    @DisplayName("are really different languages (no fallback to the base bundle)")
    void distinct() {
        assertThat(ja.getString("err.wrongMaster")).isNotEqualTo(en.getString("err.wrongMaster"));
        assertThat(ja.getString("err.wrongMaster")).contains("マスターパスワード");
    }

    @Test
    @DisplayName("hold valid message patterns in every message key")
    void patterns() {
        for (ResourceBundle bundle : new ResourceBundle[] {en, ja}) {
            for (String key : Collections.list(bundle.getKeys())) {
                if (key.matches("(err|msg|prompt|what|col|age|due|check|reentry|show|status|warn)\\..*")) {
                    String formatted = new MessageFormat(bundle.getString(key)).format(new Object[] {1, 2, 3});
                    assertThat(formatted).as(key).doesNotContain("{0}");
                }
            }
        }
    }
}
