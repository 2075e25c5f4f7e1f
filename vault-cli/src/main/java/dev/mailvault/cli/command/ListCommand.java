package dev.mailvault.cli.command;

import dev.mailvault.cli.ExitCodes;
import dev.mailvault.cli.VaultSubcommand;
import dev.mailvault.cli.output.AccountFacts;
import dev.mailvault.cli.output.AccountJson;
import dev.mailvault.cli.output.Json;
import dev.mailvault.cli.output.Table;
import dev.mailvault.core.VaultSession;
import dev.mailvault.core.account.AccountInfo;
import java.time.Clock;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code vault list}: every account with its password's age, next due date, last check and devices. */
@Command(name = "list")
public final class ListCommand extends VaultSubcommand {
    @Mixin
    private JsonOption json;

    @Override
    public Integer call() {
        List<AccountInfo> accounts;
        Clock clock;
        try (VaultSession session = unlock()) {
            accounts = session.accounts();
            clock = session.clock();
        }
        if (json.json) {
            Json.print(out(), g -> {
                g.writeStartObject();
                g.writeFieldName("accounts");
                g.writeStartArray();
                for (AccountInfo account : accounts) {
                    AccountJson.write(g, account, clock, AccountJson.CredentialExtras.NONE);
                }
                g.writeEndArray();
                g.writeEndObject();
            });
            return ExitCodes.OK;
        }
        if (accounts.isEmpty()) {
            out().println(texts().get("msg.noAccounts"));
            return ExitCodes.OK;
        }
        Formats formats = new Formats(texts(), clock.getZone());
        Table table = new Table(
                texts().get("col.address"),
                texts().get("col.provider"),
                texts().get("col.age"),
                texts().get("col.due"),
                texts().get("col.lastCheck"),
                texts().get("col.reentry"));
        for (AccountInfo account : accounts) {
            AccountFacts facts = AccountFacts.of(account, clock);
            table.row(
                    account.address().value(),
                    account.spec().providerId(),
                    formats.age(facts.passwordAgeDays()),
                    formats.due(facts),
                    formats.lastCheck(facts),
                    formats.reentry(account.staleDevices()));
        }
        table.print(out());
        return ExitCodes.OK;
    }
}
