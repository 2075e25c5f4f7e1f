package dev.mailvault.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailvault.cli.Lang;
import dev.mailvault.cli.Texts;
import dev.mailvault.core.account.Address;
import dev.mailvault.core.account.CredentialRef;
import dev.mailvault.core.verify.CheckResult;
import dev.mailvault.core.verify.CredentialCheck;
import dev.mailvault.core.verify.Outcome;
import dev.mailvault.core.verify.Protocol;
import dev.mailvault.core.verify.VerifyService.Report;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The {@code verify} table for the results the core gives for IMAP alerts (ScriptedServerLoginTest
 * pins those against a scripted server): what the server said, with the alert in brackets, once.
 */
@DisplayName("The verify table")
class CheckReportTest {
    private static final String ACCOUNT = "taro@example.jp";

    private static String table(String code, String message, String alert) {
        CheckResult result = new CheckResult(
                Protocol.IMAP,
                CheckResult.Slot.CURRENT,
                Outcome.OK,
                "imap.example.jp",
                993,
                code,
                message,
                alert,
                120,
                Instant.parse("2025-01-31T09:20:00Z"));
        Report report =
                new Report(List.of(new CredentialCheck(Address.of(ACCOUNT), CredentialRef.IMAP, result)), List.of());
        StringWriter text = new StringWriter();
        try (PrintWriter out = new PrintWriter(text)) {
            new CheckReport(Texts.load(Lang.ENGLISH), null, null).printText(out, report);
        }
        return text.toString();
    }

    private static String row(String table) {
        return table.lines().filter(l -> l.startsWith(ACCOUNT)).findFirst().orElseThrow();
    }

    private static void assertOnce(String row, String text) {
        assertThat(row.split(Pattern.quote(text), -1))
                .as("%s once in: %s", text, row)
                .hasSize(2);
    }

    @Test
    @DisplayName("a tagged OK [ALERT] (its text both message and alert) shows the text once, in brackets")
    void taggedAlertOnce() {
        String row = row(table("", "Your password expires in 3 days", "Your password expires in 3 days"));

        assertThat(row).endsWith(" 120  [Your password expires in 3 days]");
        assertOnce(row, "Your password expires");
        assertThat(row).contains(" OK ").contains(" - ");
    }

    @Test
    @DisplayName("a tagged OK [OVERQUOTA] shows the code in its column and the text once")
    void overQuotaOnce() {
        String row = row(table("OVERQUOTA", "Mailbox is over its quota", "Mailbox is over its quota"));

        assertThat(row).contains(" OVERQUOTA ").endsWith(" 120  [Mailbox is over its quota]");
        assertOnce(row, "over its quota");
    }

    @Test
    @DisplayName("an untagged alert and the tagged OK's own text both show, the alert in brackets")
    void alertBesideMessage() {
        assertThat(row(table("", "LOGIN completed", "Your password expires in 3 days")))
                .endsWith(" LOGIN completed [Your password expires in 3 days]");
    }

    @Test
    @DisplayName("two alerts, one of them the tagged OK's text: each alert once")
    void twoAlerts() {
        String row = row(
                table("", "Your password expires in 3 days", "Maintenance tonight | Your password expires in 3 days"));

        assertThat(row).endsWith(" 120  [Maintenance tonight | Your password expires in 3 days]");
        assertOnce(row, "Your password expires");
    }
}
