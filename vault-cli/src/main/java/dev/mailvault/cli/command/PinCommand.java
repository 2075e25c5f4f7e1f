package dev.mailvault.cli.command;

import dev.mailvault.cli.ExitCodes;
import dev.mailvault.cli.Texts;
import dev.mailvault.cli.UsageError;
import dev.mailvault.cli.VaultSubcommand;
import dev.mailvault.cli.output.Table;
import dev.mailvault.core.VaultSession;
import dev.mailvault.core.account.AccountInfo;
import dev.mailvault.core.account.Address;
import dev.mailvault.core.account.Endpoint;
import dev.mailvault.core.crypto.Fingerprints;
import dev.mailvault.core.verify.CertificateFetchException;
import dev.mailvault.core.verify.CertificateFetcher;
import dev.mailvault.core.verify.Protocol;
import dev.mailvault.core.verify.ServerCertificate;
import dev.mailvault.core.verify.VerifyOptions;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vault pin ADDRESS}: fetches the certificates the IMAP and SMTP servers present (without
 * logging in), shows what a person checks before trusting them, and after confirmation stores them
 * as the only certificates accepted for the account. Both or nothing: when one cannot be fetched,
 * nothing is stored.
 */
@Command(name = "pin")
public final class PinCommand extends VaultSubcommand {
    @Parameters(index = "0", paramLabel = "ADDRESS", descriptionKey = "param.address")
    private String addressText;

    @Option(names = "--yes")
    private boolean yes;

    @Mixin
    private NetworkOptions network;

    @Override
    public Integer call() {
        Address address = address(addressText);
        if (!yes && !context().terminal().interactive()) {
            throw new UsageError(texts().get("err.pinNeedsYes", address));
        }
        VerifyOptions options = network.options(texts(), context().service().clock(), null);
        Texts t = texts();
        try (VaultSession session = unlock()) {
            AccountInfo account = account(session, address);
            Map<Protocol, ServerCertificate> fetched = new EnumMap<>(Protocol.class);
            boolean failed = false;
            try (CertificateFetcher fetcher = CertificateFetcher.create(options)) {
                for (Protocol protocol : Protocol.values()) {
                    Endpoint endpoint = endpoint(account, protocol);
                    try {
                        fetched.put(protocol, fetcher.fetch(protocol, endpoint));
                    } catch (CertificateFetchException e) {
                        failed = true;
                        String detail = e.detail(t.locale());
                        err().println(t.get(
                                "err.pinFetch",
                                protocol.name(),
                                endpoint,
                                e.outcome().name(),
                                detail.isEmpty() ? e.getMessage() : detail));
                    }
                }
            }
            if (failed) {
                err().println(t.get("err.pinNothingStored", address));
                return ExitCodes.FINDINGS;
            }
            for (Map.Entry<Protocol, ServerCertificate> e : fetched.entrySet()) {
                print(
                        out(),
                        e.getKey(),
                        endpoint(account, e.getKey()),
                        e.getValue(),
                        pinned(account, e.getKey()),
                        session);
            }
            out().flush();
            if (!yes && !Confirm.ask(context().terminal(), t.get("prompt.pin", address))) {
                out().println(t.get("msg.pin.notPinned", address));
                return ExitCodes.OK;
            }
            for (Map.Entry<Protocol, ServerCertificate> e : fetched.entrySet()) {
                session.pinCertificate(address, e.getKey(), e.getValue().der());
            }
        }
        out().println(t.get("msg.pin.stored", address));
        return ExitCodes.OK;
    }

    private void print(
            PrintWriter out,
            Protocol protocol,
            Endpoint endpoint,
            ServerCertificate cert,
            String pinnedSha256,
            VaultSession session) {
        Texts t = texts();
        Formats formats = new Formats(t, session.clock().getZone());
        Instant now = session.clock().instant();
        out.println(t.get("msg.pin.server", protocol.name(), endpoint));
        Table table = Table.withoutHeader(2).indent(2);
        table.row(t.get("msg.pin.subject"), cert.subject());
        table.row(t.get("msg.pin.issuer"), cert.issuer());
        if (!cert.names().isEmpty()) {
            table.row(t.get("msg.pin.names"), String.join(", ", cert.names()));
        }
        String validity = t.get("msg.pin.validity", formats.date(cert.notBefore()), formats.date(cert.notAfter()));
        if (now.isAfter(cert.notAfter())) {
            validity += " " + t.get("msg.pin.expired");
        } else if (now.isBefore(cert.notBefore())) {
            validity += " " + t.get("msg.pin.notYetValid");
        }
        table.row(t.get("msg.pin.valid"), validity);
        table.row("SHA-256", cert.sha256());
        if (pinnedSha256 != null && !pinnedSha256.isEmpty()) {
            table.row(
                    t.get("msg.pin.pinnedNow"),
                    Fingerprints.same(pinnedSha256, cert.sha256())
                            ? t.get("msg.pin.samePinned")
                            : t.get("msg.pin.otherPinned", pinnedSha256));
        }
        table.print(out);
        out.println();
    }

    private static Endpoint endpoint(AccountInfo account, Protocol protocol) {
        return protocol == Protocol.IMAP
                ? account.spec().imap()
                : account.spec().smtp();
    }

    private static String pinned(AccountInfo account, Protocol protocol) {
        return protocol == Protocol.IMAP ? account.pinnedImapCertSha256() : account.pinnedSmtpCertSha256();
    }
}
