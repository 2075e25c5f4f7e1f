package dev.mailvault.cli.command;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.mailvault.cli.ExitCodes;
import dev.mailvault.cli.Texts;
import dev.mailvault.cli.UsageError;
import dev.mailvault.cli.VaultSubcommand;
import dev.mailvault.cli.output.AccountJson;
import dev.mailvault.cli.output.Json;
import dev.mailvault.cli.output.Table;
import dev.mailvault.core.VaultService;
import dev.mailvault.core.VaultSession;
import dev.mailvault.core.VaultUnavailableException;
import dev.mailvault.core.files.AtomicFiles;
import dev.mailvault.core.remind.CommandRunner;
import dev.mailvault.core.remind.Notifier;
import dev.mailvault.core.remind.ReminderCalendar;
import dev.mailvault.core.remind.ReminderCounts;
import dev.mailvault.core.remind.ReminderInstaller;
import dev.mailvault.core.remind.ReminderItem;
import dev.mailvault.core.remind.ReminderStatus;
import dev.mailvault.core.remind.ReminderTexts;
import dev.mailvault.core.remind.Reminders;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code vault remind}: passwords due for a change. Plain {@code remind} and {@code --notify} read
 * only the vault's clear schedule columns and never ask for the master password, so they report
 * counts and name nothing; {@code --details} and {@code --ics} unlock the vault and name them.
 * Exit 1 when anything is overdue or due within {@value Reminders#DUE_SOON_DAYS} days.
 */
@Command(name = "remind")
public final class RemindCommand extends VaultSubcommand {
    /** Set by the {@code ./vault} launcher to its own absolute path, for the daily job to run. */
    static final String LAUNCHER_VARIABLE = "VAULT_LAUNCHER";

    @Option(names = "--details")
    private boolean details;

    @Mixin
    private JsonOption json;

    @Option(names = "--ics", paramLabel = "FILE")
    private Path ics;

    @Option(names = "--install")
    private boolean install;

    @Option(names = "--uninstall")
    private boolean uninstall;

    @Option(names = "--notify")
    private boolean notify;

    @Override
    public Integer call() {
        checkCombination();
        if (install) {
            return install();
        }
        if (uninstall) {
            return uninstall();
        }
        if (notify) {
            return notifyCounts();
        }
        if (details || ics != null) {
            return unlocked();
        }
        return counts();
    }

    /** One of --install, --uninstall, --notify at most, and none of them with what shows reminders. */
    private void checkCombination() {
        List<String> jobs = new ArrayList<>();
        if (install) {
            jobs.add("--install");
        }
        if (uninstall) {
            jobs.add("--uninstall");
        }
        if (notify) {
            jobs.add("--notify");
        }
        List<String> views = new ArrayList<>();
        if (details) {
            views.add("--details");
        }
        if (json.json) {
            views.add("--json");
        }
        if (ics != null) {
            views.add("--ics");
        }
        if (jobs.size() > 1) {
            throw new UsageError(texts().get("err.conflict", jobs.get(0), jobs.get(1)));
        }
        if (!jobs.isEmpty() && !views.isEmpty()) {
            throw new UsageError(texts().get("err.conflict", jobs.get(0), views.get(0)));
        }
    }

    /** The locked view: counts from the clear columns, no password asked, nothing named. */
    private ReminderCounts lockedCounts() {
        Path file = vaultFile();
        if (!Files.exists(file)) {
            throw new VaultUnavailableException(VaultUnavailableException.Reason.MISSING, "no vault at " + file);
        }
        Reminders reminders = new Reminders(context().service().clock());
        return reminders.counts(context().service().schedules(file));
    }

    private int counts() {
        ReminderCounts counts = lockedCounts();
        if (json.json) {
            Json.print(out(), g -> {
                g.writeStartObject();
                countFields(g, counts);
                g.writeEndObject();
            });
        } else {
            out().println(ReminderTexts.countsSummary(counts, texts().locale()));
        }
        return exitCode(counts);
    }

    private int notifyCounts() {
        ReminderCounts counts = lockedCounts();
        if (counts.anyDue()) {
            // Notifier prints to a PrintStream when there is no desktop; pass that on to our output
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            Map<String, String> env = context().env();
            Notifier notifier = new Notifier(
                    Notifier.findOnPath("notify-send", env.get("PATH")),
                    CommandRunner.processes(),
                    new PrintStream(printed, true, StandardCharsets.UTF_8));
            Locale locale = texts().locale();
            notifier.notify(ReminderTexts.notificationTitle(locale), ReminderTexts.countsSummary(counts, locale));
            out().print(printed.toString(StandardCharsets.UTF_8));
        }
        return exitCode(counts);
    }

    /** {@code --details} and {@code --ics}: the vault is unlocked, so the credentials are named. */
    private int unlocked() {
        if (ics != null) {
            // refused before the master password is asked, like the audit's --csv
            AtomicFiles.checkTarget(ics.toAbsolutePath());
        }
        List<ReminderItem> all;
        Clock clock;
        try (VaultSession session = unlock()) {
            clock = session.clock();
            all = new Reminders(clock).items(session.accounts());
        }
        List<ReminderItem> due =
                all.stream().filter(i -> i.status() != ReminderStatus.OK).toList();
        ReminderCounts counts = ReminderCounts.of(due);
        if (ics != null) {
            // with --json, standard output holds only the document
            PrintWriter said = json.json ? err() : out();
            if (all.isEmpty()) {
                // a calendar needs at least one event (RFC 5545): an empty one is refused by strict readers
                said.println(texts().get("msg.icsNothing", ics.toAbsolutePath()));
            } else {
                new ReminderCalendar(clock).write(ics.toAbsolutePath(), all, texts().locale());
                said.println(texts().get("msg.icsWritten", all.size(), ics.toAbsolutePath()));
            }
        }
        if (json.json) {
            Json.print(out(), g -> {
                g.writeStartObject();
                countFields(g, counts);
                if (details) {
                    items(g, due);
                }
                g.writeEndObject();
            });
        } else if (details) {
            printDetails(counts, due, clock);
        } else {
            out().println(ReminderTexts.countsSummary(counts, texts().locale()));
        }
        return exitCode(counts);
    }

    private void printDetails(ReminderCounts counts, List<ReminderItem> due, Clock clock) {
        Texts t = texts();
        if (due.isEmpty()) {
            out().println(ReminderTexts.countsSummary(counts, t.locale()));
            return;
        }
        out().println(t.get("msg.remindDetails", counts.overdue(), counts.dueSoon(), Reminders.DUE_SOON_DAYS));
        Formats formats = new Formats(t, clock.getZone());
        Table table = new Table(
                t.get("col.address"),
                t.get("col.password"),
                t.get("col.changed"),
                t.get("col.dueOn"),
                t.get("col.status"));
        for (ReminderItem item : due) {
            table.row(
                    item.address().value(),
                    item.credential().toString(),
                    formats.date(item.changedAt()),
                    item.dueDate().toString(),
                    status(item));
        }
        table.print(out());
        out().println(t.get("msg.remindHowTo"));
    }

    private String status(ReminderItem item) {
        if (item.status() == ReminderStatus.OVERDUE) {
            return texts().get("status.overdue", item.daysOverdue());
        }
        return item.daysLeft() == 0 ? texts().get("status.dueToday") : texts().get("status.dueIn", item.daysLeft());
    }

    private static void countFields(JsonGenerator g, ReminderCounts counts) throws IOException {
        g.writeNumberField("overdue", counts.overdue());
        g.writeNumberField("due_soon", counts.dueSoon());
        g.writeNumberField("due_soon_days", Reminders.DUE_SOON_DAYS);
    }

    private static void items(JsonGenerator g, List<ReminderItem> due) throws IOException {
        g.writeFieldName("items");
        g.writeStartArray();
        for (ReminderItem item : due) {
            g.writeStartObject();
            g.writeStringField("address", item.address().value());
            g.writeStringField("credential", item.credential().toString());
            AccountJson.instant(g, "changed_at", item.changedAt());
            g.writeStringField("policy", item.policy().spec());
            g.writeStringField("due_on", item.dueDate().toString());
            g.writeStringField("status", item.status() == ReminderStatus.OVERDUE ? "overdue" : "due_soon");
            g.writeNumberField("days_left", item.daysLeft());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static int exitCode(ReminderCounts counts) {
        return counts.anyDue() ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    // ---- the daily job

    /**
     * The installer for this user, from the run's environment (the real one outside tests): units
     * under {@code $XDG_CONFIG_HOME/systemd/user} when a systemd user manager runs, else a crontab line.
     */
    private ReminderInstaller installer() {
        Map<String, String> env = context().env();
        Path home = VaultService.home(env);
        return new ReminderInstaller(
                ReminderInstaller.configHome(env, home),
                CommandRunner.processes(),
                () -> ReminderInstaller.systemdUserManagerRunning(env));
    }

    private int install() {
        String launcherText = context().env().get(LAUNCHER_VARIABLE);
        if (launcherText == null || launcherText.isBlank()) {
            throw new UsageError(texts().get("err.installNeedsLauncher"));
        }
        Path launcher = Path.of(launcherText);
        if (!launcher.isAbsolute() || !Files.isRegularFile(launcher) || !Files.isExecutable(launcher)) {
            throw new UsageError(texts().get("err.launcherMissing", launcherText));
        }
        Path vault = vaultFile();
        if (!Files.exists(vault)) {
            throw new VaultUnavailableException(VaultUnavailableException.Reason.MISSING, "no vault at " + vault);
        }
        // the job runs without this shell's environment: name the vault and the language explicitly
        List<String> options = List.of("--vault", vault.toString(), "--lang", texts().japanese() ? "ja" : "en");
        ReminderInstaller.Installation installation = installer().install(launcher, options);
        if (installation.method() == ReminderInstaller.Method.SYSTEMD) {
            out().println(texts().get("msg.installedSystemd", ReminderInstaller.UNIT_NAME + ".timer"));
            installation.files().forEach(f -> out().println("  " + f));
        } else {
            out().println(texts().get("msg.installCrontab"));
            out().println(installation.crontabLine().orElseThrow());
        }
        return ExitCodes.OK;
    }

    private int uninstall() {
        ReminderInstaller.Removal removal = installer().uninstall();
        if (removal.crontabRemoveCommand().isPresent()) {
            out().println(texts().get("msg.uninstallCrontab"));
            out().println(removal.crontabRemoveCommand().get());
        } else if (removal.removedFiles().isEmpty()) {
            out().println(texts().get("msg.notInstalled"));
        } else {
            out().println(texts().get("msg.uninstalled"));
            removal.removedFiles().forEach(f -> out().println("  " + f));
        }
        return ExitCodes.OK;
    }
}
