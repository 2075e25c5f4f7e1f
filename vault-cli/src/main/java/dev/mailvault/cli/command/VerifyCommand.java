package dev.mailvault.cli.command;

import dev.mailvault.cli.ExitCodes;
import dev.mailvault.cli.UsageError;
import dev.mailvault.cli.VaultSubcommand;
import dev.mailvault.cli.output.Json;
import dev.mailvault.cli.output.ProgressLine;
import dev.mailvault.cli.output.WriterStream;
import dev.mailvault.core.VaultSession;
import dev.mailvault.core.account.Address;
import dev.mailvault.core.provider.ProviderCatalog;
import dev.mailvault.core.verify.Cancellation;
import dev.mailvault.core.verify.CredentialCheck;
import dev.mailvault.core.verify.LoginChecker;
import dev.mailvault.core.verify.VerifyOptions;
import dev.mailvault.core.verify.VerifyRunner;
import dev.mailvault.core.verify.VerifyService;
import dev.mailvault.core.verify.VerifyService.Report;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vault verify (ADDRESS…|--all)}: logs in to IMAP and SMTP with the stored and pending
 * values; a pending value the server accepts becomes current. Exit 1 when any result is not OK
 * (SKIPPED included: a login not tried is not a login known to work).
 */
@Command(name = "verify")
public final class VerifyCommand extends VaultSubcommand {
    @Parameters(paramLabel = "ADDRESS", arity = "0..*", descriptionKey = "param.addresses")
    private List<String> addressTexts = new ArrayList<>();

    @Option(names = "--all")
    private boolean all;

    @Mixin
    private JsonOption json;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "" + VerifyRunner.DEFAULT_PARALLEL)
    private int parallel;

    @Option(names = "--per-host", paramLabel = "N", defaultValue = "" + VerifyRunner.DEFAULT_PER_HOST)
    private int perHost;

    @Mixin
    private NetworkOptions network;

    @Option(names = "--force")
    private boolean force;

    @Override
    public Integer call() throws InterruptedException {
        if (all == !addressTexts.isEmpty()) {
            throw new UsageError(texts().get(all ? "err.verifyAllAndNamed" : "err.verifyWhich"));
        }
        Set<Address> named = new LinkedHashSet<>();
        addressTexts.forEach(a -> named.add(address(a)));
        if (parallel < 1 || parallel > 256) {
            throw new UsageError(texts().get("err.range", "--parallel", String.valueOf(parallel), 1, 256));
        }
        if (perHost < 1 || perHost > 64) {
            throw new UsageError(texts().get("err.range", "--per-host", String.valueOf(perHost), 1, 64));
        }
        PrintStream trace = root().debug() ? WriterStream.over(err()) : null;
        VerifyOptions options = network.options(texts(), context().service().clock(), trace);

        Report report;
        try (VaultSession session = unlock()) {
            named.forEach(a -> account(session, a));
            ProviderCatalog catalog = catalog();
            // the \r line would tear through a protocol trace; a person reading --debug wants the trace
            boolean showProgress = context().terminal().errorIsTerminal() && trace == null;
            ProgressLine progress =
                    new ProgressLine(err(), (done, total) -> texts().get("msg.verify.progress", done, total));
            try (LoginChecker checker = LoginChecker.jakartaMail(options)) {
                VerifyService service = new VerifyService(session, catalog, checker, session.clock());
                report = service.verify(
                        new VerifyService.Request(List.copyOf(named), force, parallel, perHost),
                        showProgress ? listener(progress) : VerifyService.Listener.NONE,
                        new Cancellation());
            } finally {
                progress.finish();
                if (trace != null) {
                    trace.flush();
                }
            }
            CheckReport rendered = new CheckReport(texts(), session, catalog);
            if (json.json) {
                Json.print(out(), g -> rendered.writeJson(g, report));
            } else if (report.checks().isEmpty()) {
                out().println(texts().get("msg.noAccounts"));
            } else {
                rendered.printText(out(), report);
            }
        }
        return report.allOk() ? ExitCodes.OK : ExitCodes.FINDINGS;
    }

    private static VerifyService.Listener listener(ProgressLine progress) {
        return new VerifyService.Listener() {
            @Override
            public void planned(int checks) {
                progress.start(checks);
            }

            @Override
            public void checked(CredentialCheck check) {
                progress.advance();
            }
        };
    }
}
