package dev.mailvault.ui.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailvault.core.verify.CheckResult;
import dev.mailvault.core.verify.CheckResult.Slot;
import dev.mailvault.core.verify.Outcome;
import dev.mailvault.core.verify.Protocol;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("What a verify result row says the server said")
class ResultRowsTest {
    private static CheckResult result(Outcome outcome, String code, String message, String alert) {
        return new CheckResult(
                Protocol.IMAP, Slot.CURRENT, outcome, "imap.example.jp", 993, code, message, alert, 80, Instant.EPOCH);
    }

    @Test
    @DisplayName("an answer that is itself the alert is shown once")
    void alertOnce() {
        String expires = "Your password expires in 3 days";
        assertThat(ResultRows.said(result(Outcome.OK, "", expires, expires), Locale.ENGLISH))
                .isEqualTo("(" + expires + ")");
        assertThat(ResultRows.said(result(Outcome.OK, "OVERQUOTA", "Over quota", "Over quota"), Locale.ENGLISH))
                .isEqualTo("[OVERQUOTA] (Over quota)");
    }

    @Test
    @DisplayName("an alert beside another answer follows it; no alert, the answer alone")
    void alertBesideAnswer() {
        assertThat(ResultRows.said(result(Outcome.OK, "", "LOGIN completed", "Maintenance tonight"), Locale.ENGLISH))
                .isEqualTo("LOGIN completed (Maintenance tonight)");
        assertThat(ResultRows.said(
                        result(Outcome.AUTH_FAILED, "AUTHENTICATIONFAILED", "Invalid credentials", ""), Locale.ENGLISH))
                .isEqualTo("[AUTHENTICATIONFAILED] Invalid credentials");
        assertThat(ResultRows.said(result(Outcome.OK, "", "", ""), Locale.ENGLISH))
                .isEmpty();
    }
}
