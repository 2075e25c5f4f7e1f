package dev.mailvault.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.MessageFormat;
import java.util.Collections;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The English and Japanese bundles")
class BundlesTest {
    private final ResourceBundle en = Texts.load(Lang.ENGLISH).bundle();
    private final ResourceBundle ja = Texts.load(Lang.JAPANESE).bundle();

    @Test
    @DisplayName("have the same keys")
    void sameKeys() {
        Set<String> enKeys = new TreeSet<>(Collections.list(en.getKeys()));
        Set<String> jaKeys = new TreeSet<>(Collections.list(ja.getKeys()));
        assertThat(jaKeys).isEqualTo(enKeys);
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
