package dev.mailvault.cli.command;

import dev.mailvault.cli.ExitCodes;
import dev.mailvault.cli.UsageError;
import dev.mailvault.cli.VaultSubcommand;
import dev.mailvault.core.VaultSession;
import dev.mailvault.core.account.AccountInfo;
import dev.mailvault.core.account.Address;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vault remove ADDRESS}: asks first at a terminal; a script must say {@code --yes}. */
@Command(name = "remove")
public final class RemoveCommand extends VaultSubcommand {
    @Parameters(index = "0", paramLabel = "ADDRESS", descriptionKey = "param.address")
    private String addressText;

    @Option(names = "--yes")
    private boolean yes;

    @Override
    public Integer call() {
        Address address = address(addressText);
        if (!yes && !context().terminal().interactive()) {
            throw new UsageError(texts().get("err.removeNeedsYes", address));
        }
        try (VaultSession session = unlock()) {
            AccountInfo account = account(session, address);
            if (!yes
                    && !Confirm.ask(
                            context().terminal(),
                            texts().get(
                                            "prompt.remove",
                                            address,
                                            account.credentials().size()))) {
                out().println(texts().get("msg.kept", address));
                return ExitCodes.OK;
            }
            session.removeAccount(address);
        }
        out().println(texts().get("msg.removed", address));
        return ExitCodes.OK;
    }
}
