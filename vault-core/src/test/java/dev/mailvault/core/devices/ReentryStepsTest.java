package dev.mailvault.core.devices;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailvault.core.account.Address;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("Re-entry steps")
class ReentryStepsTest {
    private static final Address ALICE = Address.of("alice@docomo.ne.jp");

    private static boolean hasJapanese(String text) {
        return text.codePoints()
                .anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HIRAGANA
                        || Character.UnicodeScript.of(cp) == Character.UnicodeScript.KATAKANA
                        || Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
    }

    @Nested
    @DisplayName("every device type")
    class EveryType {
        @ParameterizedTest(name = "{0}")
        @EnumSource(DeviceType.class)
        @DisplayName("has English steps naming the account, with nothing left unfilled")
        void english(DeviceType type) {
            List<String> steps = ReentrySteps.forType(type, ALICE, Locale.ENGLISH);
            assertThat(steps).hasSizeGreaterThanOrEqualTo(3);
            assertThat(steps).anySatisfy(s -> assertThat(s).contains("alice@docomo.ne.jp"));
            assertThat(steps).allSatisfy(s -> {
                assertThat(s).doesNotContain("{").doesNotContain("}");
                assertThat(hasJapanese(s)).as(s).isFalse();
            });
            assertThat(ReentrySteps.typeName(type, Locale.ENGLISH)).isNotBlank();
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(DeviceType.class)
        @DisplayName("has Japanese steps naming the account, as many as in English")
        void japanese(DeviceType type) {
            List<String> steps = ReentrySteps.forType(type, ALICE, Locale.JAPANESE);
            assertThat(steps).hasSameSizeAs(ReentrySteps.forType(type, ALICE, Locale.ENGLISH));
            assertThat(steps).anySatisfy(s -> assertThat(s).contains("alice@docomo.ne.jp"));
            assertThat(steps).allSatisfy(s -> {
                assertThat(s).doesNotContain("{account}");
                assertThat(hasJapanese(s)).as(s).isTrue();
            });
            assertThat(ReentrySteps.typeName(type, Locale.JAPAN)).isNotBlank();
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(DeviceType.class)
        @DisplayName("substitutes whichever address it is given")
        void otherAddress(DeviceType type) {
            Address bob = Address.of("bob.smith@yahoo.co.jp");
            assertThat(String.join("\n", ReentrySteps.forType(type, bob, Locale.ENGLISH)))
                    .contains("bob.smith@yahoo.co.jp")
                    .doesNotContain("alice");
        }
    }

    @Test
    @DisplayName("English stays English on a machine whose default language is Japanese")
    void noFallbackToDefaultLocale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.JAPAN);
            assertThat(ReentrySteps.forType(DeviceType.IPHONE, ALICE, Locale.ENGLISH)
                            .get(0))
                    .startsWith("Open Settings");
            assertThat(ReentrySteps.forType(DeviceType.IPHONE, ALICE, Locale.FRENCH)
                            .get(0))
                    .startsWith("Open Settings");
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    @DisplayName("both bundles have exactly the same keys")
    void sameKeys() throws IOException {
        assertThat(load("steps_ja.properties").stringPropertyNames())
                .isEqualTo(load("steps.properties").stringPropertyNames());
    }

    @Nested
    @DisplayName("use the menu names people see")
    class MenuNames {
        @Test
        @DisplayName("iPhone: the classic path and the iOS 18 path, in both languages")
        void iphone() {
            String en = String.join("\n", ReentrySteps.forType(DeviceType.IPHONE, ALICE, Locale.ENGLISH));
            assertThat(en)
                    .contains("Settings → Mail → Accounts")
                    .contains("Settings → Apps → Mail → Mail Accounts")
                    .contains("Account")
                    .contains("Password");
            String ja = String.join("\n", ReentrySteps.forType(DeviceType.IPHONE, ALICE, Locale.JAPANESE));
            assertThat(ja)
                    .contains("「設定」→「メール」→「アカウント」")
                    .contains("「設定」→「アプリ」→「メール」→「メールアカウント」")
                    .contains("「パスワード」");
        }

        @Test
        @DisplayName("Outlook: File → Account Settings → Server Settings, and the prompt after a failed sync")
        void outlook() {
            String ja = String.join("\n", ReentrySteps.forType(DeviceType.OUTLOOK_WINDOWS, ALICE, Locale.JAPANESE));
            assertThat(ja).contains("「ファイル」").contains("「アカウント設定」→「サーバー設定」").contains("送受信に失敗");
            String en = String.join("\n", ReentrySteps.forType(DeviceType.OUTLOOK_WINDOWS, ALICE, Locale.ENGLISH));
            assertThat(en).contains("Account Settings → Server Settings");
        }

        @Test
        @DisplayName("Windows Mail: Manage accounts → Change mailbox sync settings")
        void windowsMail() {
            String ja = String.join("\n", ReentrySteps.forType(DeviceType.WINDOWS_MAIL, ALICE, Locale.JAPANESE));
            assertThat(ja).contains("「アカウントの管理」").contains("「メールボックスの同期設定を変更」").contains("「パスワード」");
        }

        @Test
        @DisplayName("Thunderbird: asks at the next connection, or remove the saved password")
        void thunderbird() {
            String en = String.join("\n", ReentrySteps.forType(DeviceType.THUNDERBIRD, ALICE, Locale.ENGLISH));
            assertThat(en).contains("Settings → Privacy & Security → Saved Passwords");
            String ja = String.join("\n", ReentrySteps.forType(DeviceType.THUNDERBIRD, ALICE, Locale.JAPANESE));
            assertThat(ja).contains("「保存されたパスワード」");
        }

        @Test
        @DisplayName("macOS Mail and the Gmail app for Android name their server settings")
        void macAndAndroid() {
            assertThat(String.join("\n", ReentrySteps.forType(DeviceType.MACOS_MAIL, ALICE, Locale.ENGLISH)))
                    .contains("Mail → Settings")
                    .contains("Server Settings");
            assertThat(String.join("\n", ReentrySteps.forType(DeviceType.ANDROID, ALICE, Locale.JAPANESE)))
                    .contains("Gmail")
                    .contains("「受信設定」")
                    .contains("「送信設定」");
        }
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = ReentryStepsTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
