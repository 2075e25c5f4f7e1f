package dev.mailvault.cli.command;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.mailvault.cli.ExitCodes;
import dev.mailvault.cli.Texts;
import dev.mailvault.cli.VaultSubcommand;
import dev.mailvault.cli.output.Json;
import dev.mailvault.cli.output.WriterStream;
import dev.mailvault.core.VaultSession;
import dev.mailvault.core.account.AccountInfo;
import dev.mailvault.core.account.Address;
import dev.mailvault.core.doctor.Diagnosis;
import dev.mailvault.core.doctor.Finding;
import dev.mailvault.core.doctor.SessionDoctor;
import dev.mailvault.core.provider.ProviderCatalog;
import dev.mailvault.core.verify.Cancellation;
import dev.mailvault.core.verify.LoginChecker;
import dev.mailvault.core.verify.VerifyOptions;
import dev.mailvault.core.verify.VerifyRunner;
import dev.mailvault.core.verify.VerifyService;
import dev.mailvault.core.verify.VerifyService.Report;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vault doctor ADDRESS}: explains why a login fails, from the stored values, the last checks
 * and what the provider is known to do; no network unless {@code --check}, which first runs a fresh
 * check. Ends with where to reset the password and which devices will need it. Never shows a
 * stored value. Exit 1 when it found a problem.
 */
@Command(name = "doctor")
public final class DoctorCommand extends VaultSubcommand {
    @Parameters(index = "0", paramLabel = "ADDRESS", descriptionKey = "param.address")
    private String addressText;

    @Option(names = "--check")
    private boolean check;

    @Mixin
    private JsonOption json;

    @Mixin
    private NetworkOptions network;

    @Override
    public Integer call() throws InterruptedException {
        Address address = address(addressText);
        PrintStream trace = check && root().debug() ? WriterStream.over(err()) : null;
        // --timeout is checked with or without --check: a value out of its range is bad input either way
        VerifyOptions options = network.options(texts(), context().service().clock(), trace);
        Diagnosis diagnosis;
        try (VaultSession session = unlock()) {
            AccountInfo account = account(session, address);
            ProviderCatalog catalog = catalog();
            Report report = null;
            if (check) {
                try (LoginChecker checker = LoginChecker.jakartaMail(options)) {
                    report = new VerifyService(session, catalog, checker, session.clock())
                            .verify(
                                    new VerifyService.Request(
                                            List.of(address),
                                            false,
                                            VerifyRunner.DEFAULT_PARALLEL,
                                            VerifyRunner.DEFAULT_PER_HOST),
                                    VerifyService.Listener.NONE,
                                    new Cancellation());
                } finally {
                    if (trace != null) {
                        trace.flush();
                    }
                }
            }
            diagnosis = SessionDoctor.diagnose(session, catalog, address);
            String providerName =
                    catalog.forAccount(account.spec().providerId(), address).name(texts().locale());
            CheckReport checks = new CheckReport(texts(), session, catalog);
            Report fresh = report;
            if (json.json) {
                Json.print(out(), g -> writeJson(g, diagnosis, checks, fresh));
            } else {
                printText(out(), diagnosis, providerName, checks, fresh);
            }
        }
        return diagnosis.hasProblems() ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    private void printText(
            PrintWriter out, Diagnosis diagnosis, String providerName, CheckReport checks, Report fresh) {
        Texts t = texts();
        if (fresh != null) {
            out.println(t.get("msg.doctor.checked"));
            checks.printText(out, fresh);
            out.println();
        }
        out.println(t.get("msg.doctor.title", diagnosis.account(), providerName));
        for (Finding finding : diagnosis.findings()) {
            String[] lines = finding.text(t.locale()).strip().split("\n");
            out.println(
                    "  " + t.get("msg.doctor." + finding.severity().name().toLowerCase(Locale.ROOT), lines[0].strip()));
            // continuation lines (numbered steps) go under the text, past the bullet
            for (int i = 1; i < lines.length; i++) {
                out.println("    " + lines[i].strip());
            }
        }
    }

    private void writeJson(JsonGenerator g, Diagnosis diagnosis, CheckReport checks, Report fresh) throws IOException {
        Locale locale = texts().locale();
        g.writeStartObject();
        g.writeStringField("account", diagnosis.account().value());
        g.writeStringField("provider", diagnosis.providerId());
        g.writeBooleanField("problems", diagnosis.hasProblems());
        g.writeFieldName("findings");
        g.writeStartArray();
        for (Finding finding : diagnosis.findings()) {
            g.writeStartObject();
            g.writeStringField("code", finding.code().name());
            g.writeStringField("severity", finding.severity().name().toLowerCase(Locale.ROOT));
            g.writeFieldName("credential");
            if (finding.credential().isPresent()) {
                g.writeString(finding.credential().get().toString());
            } else {
                g.writeNull();
            }
            g.writeFieldName("protocol");
            if (finding.protocol().isPresent()) {
                g.writeString(finding.protocol().get().id());
            } else {
                g.writeNull();
            }
            g.writeStringField("text", finding.text(locale).strip());
            g.writeEndObject();
        }
        g.writeEndArray();
        if (fresh != null) {
            g.writeFieldName("check");
            checks.writeJson(g, fresh);
        }
        g.writeEndObject();
    }
}
