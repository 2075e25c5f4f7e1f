package dev.mailvault.cli.command;

import dev.mailvault.cli.ExitCodes;
import dev.mailvault.cli.UsageError;
import dev.mailvault.cli.VaultSubcommand;
import dev.mailvault.cli.output.SecretOut;
import dev.mailvault.core.VaultSession;
import dev.mailvault.core.account.AccountInfo;
import dev.mailvault.core.account.Address;
import dev.mailvault.core.account.CredentialKind;
import dev.mailvault.core.account.CredentialRef;
import dev.mailvault.core.crypto.Secret;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vault get ADDRESS}: the secret and a newline on standard output, nothing else; with
 * {@code --pending} the new value of a rotation in progress.
 */
@Command(name = "get")
public final class GetCommand extends VaultSubcommand {
    @Parameters(index = "0", paramLabel = "ADDRESS", descriptionKey = "param.address")
    private String addressText;

    @Option(
            names = "--kind",
            paramLabel = "KIND",
            defaultValue = "imap",
            completionCandidates = Completions.Kinds.class)
    private String kind;

    /** The new value of a rotation in progress: how a generated password reaches the provider's page. */
    @Option(names = "--pending")
    private boolean pending;

    @Override
    public Integer call() {
        Address address = address(addressText);
        CredentialRef ref = credentialRef(kind);
        try (VaultSession session = unlock()) {
            AccountInfo account = account(session, address);
            boolean smtpServedByImap =
                    ref.kind() == CredentialKind.SMTP && account.spec().smtpSameAsImap();
            if (!smtpServedByImap && account.credential(ref).isEmpty()) {
                throw new UsageError(texts().get("err.noSuchCredential", ref, address));
            }
            Secret value;
            if (pending) {
                value = session.pendingSecret(address, ref)
                        .orElseThrow(() -> new UsageError(texts().get("err.noPending", ref, address)));
            } else {
                value = session.secret(address, ref);
            }
            try (Secret secret = value) {
                SecretOut.write(out(), secret);
                out().println();
                out().flush();
            }
        }
        return ExitCodes.OK;
    }
}
