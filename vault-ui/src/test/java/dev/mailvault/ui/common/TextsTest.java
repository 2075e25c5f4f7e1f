package dev.mailvault.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The app's texts")
class TextsTest {
    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = TextsTest.class.getResourceAsStream("/dev/mailvault/ui/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    @DisplayName("every English text has a Japanese one and the other way round")
    void sameKeys() throws IOException {
        assertThat(load("messages_ja.properties").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(load("messages.properties").stringPropertyNames());
    }

    @Test
    @DisplayName("every pattern with arguments is a valid MessageFormat in both languages")
    void patternsParse() throws IOException {
        for (String file : new String[] {"messages.properties", "messages_ja.properties"}) {
            Properties p = load(file);
            for (String key : p.stringPropertyNames()) {
                String pattern = p.getProperty(key);
                if (pattern.contains("{")) {
                    assertThat(new MessageFormat(pattern).format(new Object[] {1, 2, 3}))
                            .as(file + " " + key)
                            .isNotBlank();
                }
            }
        }
    }

    @Test
    @DisplayName("Japanese for a Japanese locale, English for any other, whatever the machine's default")
    void languageChoice() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.JAPAN);
            assertThat(Texts.forLocale(Locale.ENGLISH).get("accounts.lock")).isEqualTo("Lock");
            assertThat(Texts.forLocale(Locale.FRENCH).get("accounts.lock")).isEqualTo("Lock");
            assertThat(Texts.forLocale(Locale.JAPAN).get("accounts.lock")).isEqualTo("ロック");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    @DisplayName("counts read naturally in English")
    void plurals() {
        Texts en = Texts.forLocale(Locale.ENGLISH);
        assertThat(en.get("banner.stale", 1)).isEqualTo("1 device needs the new password");
        assertThat(en.get("banner.stale", 3)).isEqualTo("3 devices need the new password");
        assertThat(en.get("age.yearsMonths", 1, 2)).isEqualTo("1 year 2 months");
    }
}
