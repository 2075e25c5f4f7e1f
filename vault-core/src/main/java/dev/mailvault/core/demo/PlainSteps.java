package dev.mailvault.core.demo;

import dev.mailvault.core.VaultSession;
import dev.mailvault.core.account.Address;
import dev.mailvault.core.crypto.Secret;
import dev.mailvault.core.demo.Demo.Role;
import dev.mailvault.core.devices.ReentrySteps;
import dev.mailvault.core.devices.StaleDevices;
import dev.mailvault.core.doctor.Diagnosis;
import dev.mailvault.core.doctor.Finding;
import dev.mailvault.core.doctor.SessionDoctor;
import dev.mailvault.core.provider.ProviderCatalog;
import dev.mailvault.core.remind.ReminderCounts;
import dev.mailvault.core.remind.ReminderItem;
import dev.mailvault.core.remind.ReminderTexts;
import dev.mailvault.core.remind.Reminders;
import dev.mailvault.core.verify.Cancellation;
import dev.mailvault.core.verify.CheckResult;
import dev.mailvault.core.verify.CredentialCheck;
import dev.mailvault.core.verify.LoginChecker;
import dev.mailvault.core.verify.VerifyOptions;
import dev.mailvault.core.verify.VerifyService;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The tour's steps carried out directly on the core, with a plain rendering: for an adapter that
 * has no command of its own for a step yet. It does what the command does (the same checks,
 * promotions, lists and findings, in the core's own words) and returns the exit code the command
 * would. An adapter that has the command runs that instead.
 */
public final class PlainSteps {
    private final Demo demo;
    private final Locale locale;
    private final PrintWriter out;
    private final ProviderCatalog catalog;

    public PlainSteps(Demo demo, ProviderCatalog catalog, Locale locale, PrintWriter out) {
        this.demo = demo;
        this.catalog = catalog;
        this.locale = locale;
        this.out = out;
    }

    /** Runs one step; 0 when it found nothing to report, 1 when it did, like the command. */
    public int run(DemoStep step) throws InterruptedException {
        return switch (step) {
            case VERIFY_ALL -> verify(List.of());
            case ROTATION -> verify(List.of(demo.account(Role.ROTATION)));
            case DEVICES_STALE -> staleDevices();
            case REMIND -> remindCounts();
            case REMIND_DETAILS -> remindDetails();
            case DOCTOR -> doctor(demo.account(Role.WRONG_PASSWORD));
        };
    }

    private VaultSession open() {
        try (Secret master = Demo.masterPassword()) {
            return demo.service().open(demo.vaultFile(), master);
        }
    }

    private Clock clock() {
        return demo.service().clock();
    }

    private int verify(List<Address> accounts) throws InterruptedException {
        try (VaultSession session = open();
                LoginChecker checker = LoginChecker.jakartaMail(VerifyOptions.defaults(clock()))) {
            VerifyService.Report report = new VerifyService(session, catalog, checker, clock())
                    .verify(
                            new VerifyService.Request(accounts, false, 4, 4),
                            VerifyService.Listener.NONE,
                            new Cancellation());
            List<String[]> rows = new ArrayList<>();
            for (CredentialCheck check : report.checks()) {
                CheckResult r = check.result();
                rows.add(new String[] {
                    check.account().value(),
                    r.protocol().name(),
                    text("plain.slot." + r.credential().id()),
                    r.outcome().name(),
                    r.host() + ":" + r.port(),
                    r.message()
                });
            }
            printTable(rows);
            for (VerifyService.RotationEvent event : report.rotations()) {
                out.println(text(
                        "plain.rotation." + event.outcome().name(),
                        event.account().value(),
                        event.credential().toString(),
                        event.outcome().name()));
            }
            StringBuilder summary = new StringBuilder();
            report.summary()
                    .forEach((outcome, count) -> summary.append(summary.length() == 0 ? "" : ", ")
                            .append(outcome.name())
                            .append(' ')
                            .append(count));
            out.println(text("plain.summary", summary.toString()));
            return report.allOk() ? 0 : 1;
        }
    }

    private int staleDevices() {
        try (VaultSession session = open()) {
            List<StaleDevices.Entry> entries = StaleDevices.list(session.devices(), Optional.empty(), locale);
            if (entries.isEmpty()) {
                out.println(text("plain.devices.none"));
                return 0;
            }
            for (StaleDevices.Entry entry : entries) {
                out.println(text(
                        "plain.devices.entry",
                        entry.device().name(),
                        ReentrySteps.typeName(entry.device().type(), locale),
                        entry.account().value(),
                        entry.credential().toString()));
                for (int i = 0; i < entry.steps().size(); i++) {
                    out.println("    " + (i + 1) + ". " + entry.steps().get(i));
                }
            }
            return 1;
        }
    }

    private int remindCounts() {
        ReminderCounts counts = new Reminders(clock()).counts(demo.service().schedules(demo.vaultFile()));
        out.println(ReminderTexts.countsSummary(counts, locale));
        return counts.anyDue() ? 1 : 0;
    }

    private int remindDetails() {
        try (VaultSession session = open()) {
            List<ReminderItem> due = new Reminders(clock()).due(session.accounts());
            List<String[]> rows = new ArrayList<>();
            for (ReminderItem item : due) {
                rows.add(new String[] {
                    item.address().value(),
                    item.credential().toString(),
                    text("plain.status." + item.status().name()),
                    item.dueDate().toString(),
                    item.daysLeft() < 0
                            ? text("plain.daysOverdue", item.daysOverdue())
                            : text("plain.daysLeft", item.daysLeft())
                });
            }
            if (rows.isEmpty()) {
                out.println(ReminderTexts.countsSummary(ReminderCounts.NONE, locale));
            }
            printTable(rows);
            return due.isEmpty() ? 0 : 1;
        }
    }

    private int doctor(Address address) {
        try (VaultSession session = open()) {
            Diagnosis diagnosis = SessionDoctor.diagnose(session, catalog, address);
            for (Finding finding : diagnosis.findings()) {
                out.println("[" + text("plain.severity." + finding.severity().name()) + "] "
                        + finding.text(locale).replace("\n", "\n    "));
            }
            return diagnosis.hasProblems() ? 1 : 0;
        }
    }

    private void printTable(List<String[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        int columns = rows.get(0).length;
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < columns - 1; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                line.append(i == columns - 1 ? row[i] : pad(row[i], widths[i] + 2));
            }
            out.println(line.toString().stripTrailing());
        }
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }

    private String text(String key, Object... args) {
        return DemoTexts.get(locale, key, args);
    }
}
