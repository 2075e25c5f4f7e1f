package dev.mailvault.cli.command;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.mailvault.cli.ExitCodes;
import dev.mailvault.cli.Texts;
import dev.mailvault.cli.VaultSubcommand;
import dev.mailvault.cli.output.AccountFacts;
import dev.mailvault.cli.output.AccountJson;
import dev.mailvault.cli.output.Json;
import dev.mailvault.cli.output.SecretOut;
import dev.mailvault.cli.output.Table;
import dev.mailvault.core.PrintableText;
import dev.mailvault.core.VaultSession;
import dev.mailvault.core.account.AccountInfo;
import dev.mailvault.core.account.AccountSpec;
import dev.mailvault.core.account.Address;
import dev.mailvault.core.account.CredentialInfo;
import dev.mailvault.core.account.HistoryEntry;
import dev.mailvault.core.crypto.Secret;
import dev.mailvault.core.verify.CheckResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vault show ADDRESS}: one account in full. Values are masked unless {@code --reveal}, which
 * at a terminal asks for the master password a second time.
 */
@Command(name = "show")
public final class ShowCommand extends VaultSubcommand {
    @Parameters(index = "0", paramLabel = "ADDRESS", descriptionKey = "param.address")
    private String addressText;

    @Mixin
    private JsonOption json;

    @Option(names = "--reveal")
    private boolean reveal;

    @Option(names = "--history")
    private boolean history;

    @Override
    public Integer call() {
        Address address = address(addressText);
        try (VaultSession session = reveal ? unlockForReveal() : unlock()) {
            AccountInfo account = account(session, address);
            if (json.json) {
                Json.print(
                        out(),
                        g -> AccountJson.write(g, account, session.clock(), (j, c) -> extras(j, session, address, c)));
            } else {
                printText(session, account);
            }
        }
        return ExitCodes.OK;
    }

    /** The values (with {@code --reveal}) and earlier values (with {@code --history}) of one credential. */
    private void extras(JsonGenerator g, VaultSession session, Address address, CredentialInfo credential)
            throws IOException {
        if (reveal) {
            try (Secret value = session.secret(address, credential.ref())) {
                SecretOut.writeField(g, "value", value);
            }
            Optional<Secret> pending = session.pendingSecret(address, credential.ref());
            if (pending.isPresent()) {
                try (Secret value = pending.get()) {
                    SecretOut.writeField(g, "pending_value", value);
                }
            }
        }
        if (history) {
            List<HistoryEntry> entries = session.history(address, credential.ref());
            try {
                g.writeFieldName("history");
                g.writeStartArray();
                for (HistoryEntry e : entries) {
                    g.writeStartObject();
                    AccountJson.instant(g, "changed_at", e.changedAt());
                    AccountJson.instant(g, "replaced_at", e.replacedAt());
                    if (reveal) {
                        SecretOut.writeField(g, "value", e.value());
                    }
                    g.writeEndObject();
                }
                g.writeEndArray();
            } finally {
                entries.forEach(HistoryEntry::close);
            }
        }
    }

    private void printText(VaultSession session, AccountInfo account) {
        // revealed values are written by table rows after the layout is known; wiped when done
        List<Secret> revealed = new ArrayList<>();
        try {
            printText(session, account, revealed);
        } finally {
            revealed.forEach(Secret::close);
        }
    }

    private void printText(VaultSession session, AccountInfo account, List<Secret> revealed) {
        Texts t = texts();
        Clock clock = session.clock();
        Formats formats = new Formats(t, clock.getZone());
        AccountSpec spec = account.spec();
        AccountFacts facts = AccountFacts.of(account, clock);
        PrintWriter out = out();

        out.println(
                spec.displayName().isEmpty()
                        ? spec.address().value()
                        : t.get("show.titleWithName", spec.address(), PrintableText.of(spec.displayName())));
        Table about = Table.withoutHeader(2).indent(2);
        about.row(t.get("show.provider"), providerName(spec.providerId()));
        about.row("IMAP", t.get("show.endpoint", spec.imap(), spec.imapLogin()));
        about.row("SMTP", t.get("show.endpoint", spec.smtp(), spec.smtpLogin()));
        about.row(
                t.get("show.smtpPassword"),
                spec.smtpSameAsImap() ? t.get("show.smtpSame") : t.get("show.smtpSeparate"));
        about.row(t.get("show.policy"), spec.policy().spec());
        about.row(t.get("show.caCert"), spec.caCertPem().isEmpty() ? t.get("show.no") : t.get("show.yes"));
        if (account.pinnedImapCertSha256() != null
                && !account.pinnedImapCertSha256().isEmpty()) {
            about.row(t.get("show.pinnedImap"), account.pinnedImapCertSha256());
        }
        if (account.pinnedSmtpCertSha256() != null
                && !account.pinnedSmtpCertSha256().isEmpty()) {
            about.row(t.get("show.pinnedSmtp"), account.pinnedSmtpCertSha256());
        }
        about.row(t.get("show.created"), formats.date(account.createdAt()));
        about.row(t.get("show.nextDue"), formats.due(facts));
        about.row(t.get("show.reentry"), formats.reentry(account.staleDevices()));
        about.print(out);

        out.println();
        out.println(t.get("show.passwords"));
        Table credentials = new Table(
                        t.get("col.kind"),
                        t.get("col.changed"),
                        t.get("col.dueOn"),
                        t.get("col.status"),
                        t.get("col.value"))
                .indent(2);
        for (CredentialInfo c : account.credentials()) {
            Optional<String> due = AccountFacts.dueOn(c, clock.getZone()).map(Object::toString);
            credentials.row(
                    value(revealed, () -> session.secret(account.address(), c.ref())),
                    c.ref().toString(),
                    formats.date(c.changedAt()),
                    due.orElse(t.get("due.never")),
                    status(c, formats));
            if (reveal && c.hasPending()) {
                // the new value of a rotation in progress, on its own row, as --json's pending_value
                Optional<Secret> pending = session.pendingSecret(account.address(), c.ref());
                if (pending.isPresent()) {
                    revealed.add(pending.get());
                    credentials.row(
                            w -> SecretOut.write(w, pending.get()),
                            c.ref().toString(),
                            formats.date(c.pendingSince().orElse(c.changedAt())),
                            "-",
                            t.get("msg.verify.slot.pending"));
                }
            }
        }
        credentials.print(out);

        if (history) {
            out.println();
            out.println(t.get("show.history"));
            Table earlier =
                    new Table(t.get("col.kind"), t.get("col.from"), t.get("col.until"), t.get("col.value")).indent(2);
            int rows = 0;
            for (CredentialInfo c : account.credentials()) {
                List<HistoryEntry> entries = session.history(account.address(), c.ref());
                try {
                    for (HistoryEntry e : entries) {
                        earlier.row(
                                value(revealed, () -> e.value().copy()),
                                c.ref().toString(),
                                formats.date(e.changedAt()),
                                formats.date(e.replacedAt()));
                        rows++;
                    }
                } finally {
                    entries.forEach(HistoryEntry::close);
                }
            }
            if (rows == 0) {
                out.println("  " + t.get("show.noHistory"));
            } else {
                earlier.print(out);
            }
        }

        out.println();
        out.println(t.get("show.checks"));
        if (account.lastChecks().isEmpty()) {
            out.println("  " + t.get("check.never"));
        } else {
            Table checks = new Table(
                            t.get("col.protocol"),
                            t.get("col.credential"),
                            t.get("col.outcome"),
                            t.get("col.server"),
                            t.get("col.when"),
                            t.get("col.message"))
                    .indent(2);
            for (CheckResult check : account.lastChecks()) {
                checks.row(
                        check.protocol().id(),
                        t.get("msg.verify.slot." + check.credential().id()),
                        check.outcome().name(),
                        check.host() + ":" + check.port(),
                        check.at()
                                .atZone(clock.getZone())
                                .toLocalDateTime()
                                .withNano(0)
                                .toString(),
                        CheckReport.serverSaid(check, t.locale()));
            }
            checks.print(out);
        }
    }

    private String providerName(String id) {
        return catalog().all().stream()
                .filter(p -> p.id().equals(id))
                .findFirst()
                .map(p -> p.name(texts().locale()) + " (" + id + ")")
                .orElse(id);
    }

    /** Writes the value (fetched now, while the session is open) or a mask of fixed length. */
    private Consumer<PrintWriter> value(List<Secret> revealed, Supplier<Secret> fetch) {
        if (!reveal) {
            return w -> w.write(Formats.MASK);
        }
        Secret value = fetch.get();
        revealed.add(value);
        return w -> SecretOut.write(w, value);
    }

    private String status(CredentialInfo c, Formats formats) {
        StringBuilder s = new StringBuilder();
        if (c.pendingSince().isPresent()) {
            s.append(texts().get("status.pending", formats.date(c.pendingSince().get())));
        }
        if (c.suspect()) {
            s.append(s.length() > 0 ? ", " : "").append(texts().get("status.suspect"));
        }
        if (c.promotedUnverified()) {
            s.append(s.length() > 0 ? ", " : "").append(texts().get("status.unverified"));
        }
        return s.length() == 0 ? "-" : s.toString();
    }
}
