package dev.mailvault.core.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailvault.core.demo.Demo.Role;
import dev.mailvault.core.devices.DeviceType;
import dev.mailvault.core.devices.ReentrySteps;
import dev.mailvault.core.provider.ProviderCatalog;
import dev.mailvault.core.remind.ReminderCounts;
import dev.mailvault.core.remind.ReminderTexts;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/** The tour carried out on the core alone, as an adapter without the step's command shows it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlainStepsTest {
    Demo demo;

    @BeforeAll
    void start() {
        demo = Demo.start(Clock.systemDefaultZone(), new SecureRandom());
    }

    @AfterAll
    void stop() {
        demo.close();
    }

    private record Ran(int code, String out) {}

    private Ran run(DemoStep step, Locale locale) throws InterruptedException {
        StringWriter text = new StringWriter();
        step.prepare(demo);
        int code = new PlainSteps(demo, ProviderCatalog.builtIn(), locale, new PrintWriter(text, true)).run(step);
        return new Ran(code, text.toString());
    }

    @Test
    @Order(1)
    @DisplayName("verify --all shows OK, AUTH_FAILED for the wrong password, the waiting rotation, and exits 1")
    void verifyAll() throws Exception {
        Ran ran = run(DemoStep.VERIFY_ALL, Locale.ENGLISH);
        assertThat(ran.code()).isEqualTo(1);
        String failing = demo.account(Role.WRONG_PASSWORD).value();
        assertThat(ran.out())
                .containsPattern(failing + " +IMAP +current +AUTH_FAILED")
                .containsPattern(failing + " +SMTP +current +AUTH_FAILED")
                .containsPattern(demo.account(Role.PLAIN).value() + " +IMAP +current +OK")
                .containsPattern(demo.account(Role.ROTATION).value() + " +IMAP +pending +AUTH_FAILED")
                .contains("NOT_CHANGED_AT_PROVIDER")
                .contains("Summary: OK 10, AUTH_FAILED 4");
    }

    @Test
    @Order(2)
    @DisplayName("the rotation step promotes the new password and exits 0")
    void rotation() throws Exception {
        Ran ran = run(DemoStep.ROTATION, Locale.ENGLISH);
        assertThat(ran.code()).isEqualTo(0);
        assertThat(ran.out())
                .containsPattern(demo.account(Role.ROTATION).value() + " +IMAP +pending +OK")
                .contains("PROMOTED");
    }

    @Test
    @Order(3)
    @DisplayName("devices --stale names the two devices with the old SoftBank password, with their steps")
    void devices() throws Exception {
        Ran ran = run(DemoStep.DEVICES_STALE, Locale.ENGLISH);
        assertThat(ran.code()).isEqualTo(1);
        assertThat(ran.out())
                .contains("Home PC (", "iPhone (")
                .contains(ReentrySteps.forType(DeviceType.IPHONE, demo.account(Role.ROTATION), Locale.ENGLISH)
                        .get(0))
                .doesNotContain("MacBook");
    }

    @Test
    @Order(4)
    @DisplayName("remind counts one overdue and one due soon; --details names them")
    void remind() throws Exception {
        Ran counts = run(DemoStep.REMIND, Locale.ENGLISH);
        assertThat(counts.code()).isEqualTo(1);
        assertThat(counts.out()).contains(ReminderTexts.countsSummary(new ReminderCounts(1, 1), Locale.ENGLISH));
        Ran details = run(DemoStep.REMIND_DETAILS, Locale.ENGLISH);
        assertThat(details.out())
                .containsPattern(demo.account(Role.OVERDUE).value() + " +imap +overdue")
                .containsPattern(demo.account(Role.DUE_SOON).value() + " +imap +due soon .* \\d+ days? left");
    }

    @Test
    @Order(5)
    @DisplayName("doctor explains the refused login and exits 1")
    void doctor() throws Exception {
        Ran ran = run(DemoStep.DOCTOR, Locale.ENGLISH);
        assertThat(ran.code()).isEqualTo(1);
        assertThat(ran.out())
                .contains("[problem]")
                .contains(demo.account(Role.WRONG_PASSWORD).value());
    }

    @Test
    @Order(6)
    @DisplayName("in Japanese the same steps speak Japanese")
    void japanese() throws Exception {
        assertThat(run(DemoStep.REMIND_DETAILS, Locale.JAPANESE).out()).contains("期限切れ");
        assertThat(run(DemoStep.DOCTOR, Locale.JAPANESE).out()).contains("[問題]");
    }
}
