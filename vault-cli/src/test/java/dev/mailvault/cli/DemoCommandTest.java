package dev.mailvault.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailvault.cli.input.Terminal;
import dev.mailvault.core.VaultService;
import dev.mailvault.core.VaultSession;
import dev.mailvault.core.account.Address;
import dev.mailvault.core.crypto.Secret;
import dev.mailvault.core.demo.Demo;
import dev.mailvault.core.demo.Demo.Role;
import dev.mailvault.core.demo.DemoStep;
import dev.mailvault.core.devices.DeviceType;
import dev.mailvault.core.devices.ReentryScope;
import dev.mailvault.core.devices.ReentrySteps;
import dev.mailvault.core.provider.ProviderCatalog;
import dev.mailvault.core.remind.ReminderCounts;
import dev.mailvault.core.remind.ReminderTexts;
import dev.mailvault.core.verify.Outcome;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vault demo}, end to end in-process through the real command line. */
class DemoCommandTest {
    private static final Pattern FOLDER = Pattern.compile("(/\\S*" + Demo.PREFIX + "\\d+)");

    @TempDir
    Path dir;

    /** The demo's $TMPDIR: other runs on this machine use the shared one. */
    @TempDir
    Path tmp;

    private Cli cli() {
        Cli cli = new Cli(dir);
        cli.env.put("TMPDIR", tmp.toString());
        return cli;
    }

    private Set<String> demoFolders() {
        try (Stream<Path> entries = Files.list(tmp)) {
            return entries.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith(Demo.PREFIX))
                    .collect(Collectors.toCollection(HashSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path folderIn(String out) {
        Matcher m = FOLDER.matcher(out);
        assertThat(m.find()).as("the demo names its folder").isTrue();
        return Path.of(m.group(1));
    }

    @Test
    @DisplayName("runs the whole tour with every promised outcome, exits 0 and leaves no folder behind")
    void tour() {
        Cli.Result result = cli().run("", "--lang", "en", "demo");

        assertThat(result.code()).as(result.both()).isEqualTo(0);
        String out = result.out();
        Address failing = Address.of("mailvault_demo@yahoo.co.jp");
        Address rotating = Address.of("taro.demo@i.softbank.jp");
        for (DemoStep step : DemoStep.values()) {
            assertThat(out).contains(step.explanation(Locale.ENGLISH));
        }
        // verify --all: five accounts log in, the wrong password does not
        assertThat(out)
                .contains("$ vault verify --all")
                .containsPattern(Pattern.quote("hanako.demo@docomo.ne.jp") + " .*\\b" + Outcome.OK.name() + "\\b");
        assertThat(out).containsPattern(Pattern.quote(failing.value()) + " .*" + Outcome.AUTH_FAILED.name());
        // the rotation is promoted: its verify finds nothing wrong, and the devices holding the old
        // SoftBank password need the new one (only a promotion marks them)
        String rotation =
                out.substring(out.indexOf("$ vault verify " + rotating.value()), out.indexOf("$ vault devices"));
        assertThat(rotation).contains("PROMOTED " + rotating.value()).contains("(exit code 0:");
        String devices = out.substring(out.indexOf("$ vault devices --stale"), out.indexOf("$ vault remind"));
        assertThat(devices)
                .contains("iPhone", "Home PC", rotating.value())
                .contains(ReentrySteps.forType(DeviceType.IPHONE, rotating, ReentryScope.BOTH, Locale.ENGLISH)
                        .get(1))
                .contains(ReentrySteps.forType(DeviceType.THUNDERBIRD, rotating, ReentryScope.BOTH, Locale.ENGLISH)
                        .get(0));
        // remind: one overdue, one due soon
        assertThat(out).contains(ReminderTexts.countsSummary(new ReminderCounts(1, 1), Locale.ENGLISH));
        // doctor: the refused login explained with the provider's advice
        String yahooHint = ProviderCatalog.builtIn()
                .byId("yahoo-japan")
                .hint(Outcome.AUTH_FAILED, Locale.ENGLISH)
                .orElseThrow();
        String doctor = out.substring(out.indexOf("$ vault doctor " + failing.value()));
        assertThat(doctor).contains(yahooHint);
        assertThat(out).doesNotContain("(exit code 70").doesNotContain("(exit code 2");

        Path folder = folderIn(out);
        assertThat(folder.getParent()).isEqualTo(tmp);
        assertThat(Files.exists(folder)).isFalse();
        assertThat(demoFolders()).isEmpty();
        assertThat(result.err()).isEmpty();
    }

    @Test
    @DisplayName("--lang ja --keep explains in Japanese, keeps server and vault usable until stopped, then cleans up")
    void keepInJapanese() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext context = new CliContext(
                new ByteArrayInputStream(new byte[0]),
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                Terminal.NONE,
                cli().env,
                () -> new VaultService(Clock.systemUTC(), new SecureRandom(), dir.resolve("state")));
        AtomicInteger code = new AtomicInteger(-1);
        Thread run = new Thread(() -> code.set(new VaultCli(context).run("--lang", "ja", "demo", "--keep")));
        run.start();
        try {
            String keepLine = "Ctrl+C";
            for (int i = 0; i < 600 && !out.toString().contains(keepLine) && run.isAlive(); i++) {
                Thread.sleep(500);
            }
            String shown = out.toString();
            assertThat(shown).as(shown + err).contains(keepLine);
            assertThat(shown)
                    .contains(DemoStep.VERIFY_ALL.explanation(Locale.JAPANESE))
                    .contains(DemoStep.DOCTOR.explanation(Locale.JAPANESE))
                    .contains("マスターパスワードは「demo」")
                    .contains("./vault ui");
            // still there: the vault opens with the shown password
            Path folder = folderIn(shown);
            Path vault = folder.resolve("vault.db");
            try (Secret master = Demo.masterPassword();
                    VaultSession session = new VaultService(
                                    Clock.systemUTC(), new SecureRandom(), dir.resolve("probe-state"))
                            .open(vault, master)) {
                assertThat(session.accounts()).hasSize(Demo.samples().size());
                assertThat(session.account(Demo.samples().stream()
                                        .filter(s -> s.role() == Role.ROTATION)
                                        .findFirst()
                                        .orElseThrow()
                                        .address())
                                .imapCredential()
                                .hasPending())
                        .isFalse();
            }
        } finally {
            run.interrupt();
            run.join(60_000);
        }
        assertThat(run.isAlive()).isFalse();
        assertThat(code.get()).isEqualTo(0);
        assertThat(out.toString()).contains("削除しました");
        assertThat(demoFolders()).isEmpty();
    }
}
