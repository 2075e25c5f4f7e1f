package dev.mailvault.core.devices;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailvault.core.account.AccountSpec;
import dev.mailvault.core.account.Address;
import dev.mailvault.core.account.CredentialRef;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Re-entry steps")
class ReentryStepsTest {
    private static final Address ALICE = Address.of("alice@docomo.ne.jp");

    private static boolean hasJapanese(String text) {
        return text.codePoints()
                .anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HIRAGANA
                        || Character.UnicodeScript.of(cp) == Character.UnicodeScript.KATAKANA
                        || Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
    }

    static Stream<Arguments> everyTypeAndScope() {
        return Arrays.stream(DeviceType.values())
                .flatMap(type -> Arrays.stream(ReentryScope.values()).map(scope -> Arguments.of(type, scope)));
    }

    @Nested
    @DisplayName("every device type, for each password that can need re-entry")
    class EveryType {
        @ParameterizedTest(name = "{0} {1}")
        @MethodSource("dev.mailvault.core.devices.ReentryStepsTest#everyTypeAndScope")
        @DisplayName("has English steps naming the account, with nothing left unfilled")
        void english(DeviceType type, ReentryScope scope) {
            List<String> steps = ReentrySteps.forType(type, ALICE, scope, Locale.ENGLISH);
            assertThat(steps).hasSizeGreaterThanOrEqualTo(3);
            assertThat(steps).anySatisfy(s -> assertThat(s).contains("alice@docomo.ne.jp"));
            assertThat(steps).allSatisfy(s -> {
                assertThat(s).doesNotContain("{").doesNotContain("}");
                assertThat(hasJapanese(s)).as(s).isFalse();
            });
            assertThat(ReentrySteps.typeName(type, Locale.ENGLISH)).isNotBlank();
        }

        @ParameterizedTest(name = "{0} {1}")
        @MethodSource("dev.mailvault.core.devices.ReentryStepsTest#everyTypeAndScope")
        @DisplayName("has Japanese steps naming the account, as many as in English")
        void japanese(DeviceType type, ReentryScope scope) {
            List<String> steps = ReentrySteps.forType(type, ALICE, scope, Locale.JAPANESE);
            assertThat(steps).hasSameSizeAs(ReentrySteps.forType(type, ALICE, scope, Locale.ENGLISH));
            assertThat(steps).anySatisfy(s -> assertThat(s).contains("alice@docomo.ne.jp"));
            assertThat(steps).allSatisfy(s -> {
                assertThat(s).doesNotContain("{account}");
                assertThat(hasJapanese(s)).as(s).isTrue();
            });
            assertThat(ReentrySteps.typeName(type, Locale.JAPAN)).isNotBlank();
        }

        @ParameterizedTest(name = "{0} {1}")
        @MethodSource("dev.mailvault.core.devices.ReentryStepsTest#everyTypeAndScope")
        @DisplayName("substitutes whichever address it is given")
        void otherAddress(DeviceType type, ReentryScope scope) {
            Address bob = Address.of("bob.smith@yahoo.co.jp");
            assertThat(String.join("\n", ReentrySteps.forType(type, bob, scope, Locale.ENGLISH)))
                    .contains("bob.smith@yahoo.co.jp")
                    .doesNotContain("alice");
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(DeviceType.class)
        @DisplayName(
                "has different steps for the IMAP password alone, the SMTP password alone and both, in both languages")
        void stepsDifferByScope(DeviceType type) {
            for (Locale locale : List.of(Locale.ENGLISH, Locale.JAPANESE)) {
                List<String> imap = ReentrySteps.forType(type, ALICE, ReentryScope.IMAP_ONLY, locale);
                List<String> smtp = ReentrySteps.forType(type, ALICE, ReentryScope.SMTP_ONLY, locale);
                List<String> both = ReentrySteps.forType(type, ALICE, ReentryScope.BOTH, locale);
                assertThat(imap).as("%s %s", type, locale).isNotEqualTo(both).isNotEqualTo(smtp);
                assertThat(smtp).as("%s %s", type, locale).isNotEqualTo(both);
            }
        }
    }

    @Nested
    @DisplayName("name only the passwords the device needs")
    class WhichPassword {
        private static final Instant T = Instant.parse("2025-01-01T00:00:00Z");

        private static AccountSpec account(boolean smtpSameAsImap) {
            return StaleDevicesTest.spec(ALICE, smtpSameAsImap);
        }

        /** A device holding the account's IMAP and SMTP passwords, the given ones needing re-entry. */
        private static DeviceInfo device(DeviceType type, CredentialRef... stale) {
            List<CredentialRef> needs = List.of(stale);
            return new DeviceInfo(
                    1,
                    "Phone",
                    type,
                    T,
                    List.of(
                            new DeviceInfo.Use(ALICE, CredentialRef.IMAP, T, needs.contains(CredentialRef.IMAP)),
                            new DeviceInfo.Use(ALICE, CredentialRef.SMTP, T, needs.contains(CredentialRef.SMTP))));
        }

        private static String steps(DeviceType type, boolean shared, Locale locale, CredentialRef... stale) {
            return String.join("\n", ReentrySteps.forDevice(device(type, stale), account(shared), locale));
        }

        @Test
        @DisplayName("a new IMAP password alone: the iPhone and Android steps leave the SMTP password as it is")
        void imapOnly() {
            assertThat(steps(DeviceType.IPHONE, false, Locale.ENGLISH, CredentialRef.IMAP))
                    .contains("Tap Account, then tap Password, delete the old password and type the new one.")
                    .contains("Leave the Password under SMTP (Outgoing Mail Server) as it is")
                    .doesNotContain("replace its Password too");
            assertThat(steps(DeviceType.IPHONE, false, Locale.JAPANESE, CredentialRef.IMAP))
                    .contains("「送信メールサーバ」の「SMTP」の「パスワード」はそのままにします")
                    .doesNotContain("「パスワード」も入れ替えます");
            assertThat(steps(DeviceType.ANDROID, false, Locale.ENGLISH, CredentialRef.IMAP))
                    .contains("Under Server settings tap Incoming settings and replace the password.")
                    .contains("Leave Outgoing settings as they are")
                    .doesNotContain("Tap Outgoing settings and replace the password")
                    .doesNotContain("the incoming and the outgoing server");
            assertThat(steps(DeviceType.ANDROID, false, Locale.JAPANESE, CredentialRef.IMAP))
                    .contains("「送信設定」はそのままにします")
                    .doesNotContain("そこのパスワードも入れ替えます");
        }

        @Test
        @DisplayName("a new SMTP password alone: only the outgoing server's password is replaced")
        void smtpOnly() {
            assertThat(steps(DeviceType.IPHONE, false, Locale.ENGLISH, CredentialRef.SMTP))
                    .contains("Leave the Password on that screen as it is")
                    .contains("tap SMTP under Outgoing Mail Server, tap the primary server, delete its old Password")
                    .doesNotContain("tap Password, delete the old password");
            assertThat(steps(DeviceType.ANDROID, false, Locale.ENGLISH, CredentialRef.SMTP))
                    .contains("Leave Incoming settings as they are")
                    .contains("tap Outgoing settings and replace the password")
                    .doesNotContain("tap Incoming settings and replace");
            assertThat(steps(DeviceType.THUNDERBIRD, false, Locale.JAPANESE, CredentialRef.SMTP))
                    .contains("smtp:// の項目だけ")
                    .doesNotContain("imap:// と smtp://");
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(DeviceType.class)
        @DisplayName("both passwords new, or one password for both servers: the steps for both")
        void both(DeviceType type) {
            List<String> both = ReentrySteps.forType(type, ALICE, ReentryScope.BOTH, Locale.ENGLISH);
            assertThat(ReentrySteps.forDevice(
                            device(type, CredentialRef.IMAP, CredentialRef.SMTP), account(false), Locale.ENGLISH))
                    .isEqualTo(both);
            DeviceInfo sharedPassword = new DeviceInfo(
                    1, "Phone", type, T, List.of(new DeviceInfo.Use(ALICE, CredentialRef.IMAP, T, true)));
            assertThat(ReentrySteps.forDevice(sharedPassword, account(true), Locale.ENGLISH))
                    .isEqualTo(both);
        }

        @Test
        @DisplayName("the scope follows the passwords that need re-entry, else those the device holds")
        void scope() {
            assertThat(ReentryScope.of(false, List.of(CredentialRef.IMAP))).isEqualTo(ReentryScope.IMAP_ONLY);
            assertThat(ReentryScope.of(false, List.of(CredentialRef.SMTP))).isEqualTo(ReentryScope.SMTP_ONLY);
            assertThat(ReentryScope.of(false, List.of(CredentialRef.SMTP, CredentialRef.IMAP)))
                    .isEqualTo(ReentryScope.BOTH);
            assertThat(ReentryScope.of(true, List.of(CredentialRef.IMAP))).isEqualTo(ReentryScope.BOTH);
            assertThat(ReentryScope.of(device(DeviceType.OTHER, CredentialRef.SMTP), account(false)))
                    .isEqualTo(ReentryScope.SMTP_ONLY);
            assertThat(ReentryScope.of(device(DeviceType.OTHER), account(false)))
                    .isEqualTo(ReentryScope.BOTH);
            DeviceInfo imapHeldOnly = new DeviceInfo(
                    1, "Phone", DeviceType.OTHER, T, List.of(new DeviceInfo.Use(ALICE, CredentialRef.IMAP, T, false)));
            assertThat(ReentryScope.of(imapHeldOnly, account(false))).isEqualTo(ReentryScope.IMAP_ONLY);
        }
    }

    @Test
    @DisplayName("English stays English on a machine whose default language is Japanese")
    void noFallbackToDefaultLocale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.JAPAN);
            assertThat(ReentrySteps.forType(DeviceType.IPHONE, ALICE, ReentryScope.BOTH, Locale.ENGLISH)
                            .get(0))
                    .startsWith("Open Settings");
            assertThat(ReentrySteps.forType(DeviceType.IPHONE, ALICE, ReentryScope.BOTH, Locale.FRENCH)
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
            String en = String.join(
                    "\n", ReentrySteps.forType(DeviceType.IPHONE, ALICE, ReentryScope.BOTH, Locale.ENGLISH));
            assertThat(en)
                    .contains("Settings → Mail → Accounts")
                    .contains("Settings → Apps → Mail → Mail Accounts")
                    .contains("Account")
                    .contains("Password");
            String ja = String.join(
                    "\n", ReentrySteps.forType(DeviceType.IPHONE, ALICE, ReentryScope.BOTH, Locale.JAPANESE));
            assertThat(ja)
                    .contains("「設定」→「メール」→「アカウント」")
                    .contains("「設定」→「アプリ」→「メール」→「メールアカウント」")
                    .contains("「パスワード」");
        }

        @Test
        @DisplayName("Outlook: File → Account Settings → Server Settings, and the prompt after a failed sync")
        void outlook() {
            String ja = String.join(
                    "\n", ReentrySteps.forType(DeviceType.OUTLOOK_WINDOWS, ALICE, ReentryScope.BOTH, Locale.JAPANESE));
            assertThat(ja).contains("「ファイル」").contains("「アカウント設定」→「サーバー設定」").contains("送受信に失敗");
            String en = String.join(
                    "\n", ReentrySteps.forType(DeviceType.OUTLOOK_WINDOWS, ALICE, ReentryScope.BOTH, Locale.ENGLISH));
            assertThat(en).contains("Account Settings → Server Settings");
        }

        @Test
        @DisplayName("Windows Mail: Manage accounts → Change mailbox sync settings")
        void windowsMail() {
            String ja = String.join(
                    "\n", ReentrySteps.forType(DeviceType.WINDOWS_MAIL, ALICE, ReentryScope.BOTH, Locale.JAPANESE));
            assertThat(ja).contains("「アカウントの管理」").contains("「メールボックスの同期設定を変更」").contains("「パスワード」");
        }

        @Test
        @DisplayName("Thunderbird: asks at the next connection, or remove the saved password")
        void thunderbird() {
            String en = String.join(
                    "\n", ReentrySteps.forType(DeviceType.THUNDERBIRD, ALICE, ReentryScope.BOTH, Locale.ENGLISH));
            assertThat(en).contains("Settings → Privacy & Security → Saved Passwords");
            String ja = String.join(
                    "\n", ReentrySteps.forType(DeviceType.THUNDERBIRD, ALICE, ReentryScope.BOTH, Locale.JAPANESE));
            assertThat(ja).contains("「保存されたパスワード」");
        }

        @Test
        @DisplayName("macOS Mail and the Gmail app for Android name their server settings")
        void macAndAndroid() {
            assertThat(String.join(
                            "\n",
                            ReentrySteps.forType(DeviceType.MACOS_MAIL, ALICE, ReentryScope.BOTH, Locale.ENGLISH)))
                    .contains("Mail → Settings")
                    .contains("Server Settings");
            assertThat(String.join(
                            "\n", ReentrySteps.forType(DeviceType.ANDROID, ALICE, ReentryScope.BOTH, Locale.JAPANESE)))
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
