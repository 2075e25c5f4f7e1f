package dev.mailvault.core.transfer.internal;

import dev.mailvault.core.BadInputException;
import dev.mailvault.core.account.AccountSpec;
import dev.mailvault.core.account.Address;
import dev.mailvault.core.account.CredentialKind;
import dev.mailvault.core.account.CredentialRef;
import dev.mailvault.core.account.Endpoint;
import dev.mailvault.core.crypto.Secret;
import dev.mailvault.core.transfer.ImportRefusedException;
import dev.mailvault.core.transfer.KnownServers;
import dev.mailvault.core.transfer.ServerLookup;
import dev.mailvault.core.transfer.SkipReason;
import dev.mailvault.core.transfer.Skipped;
import dev.mailvault.core.verify.Protocol;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides which logins of a password manager are mailboxes and turns them into accounts. A login
 * is a mailbox when it names a mail server (an {@code imaps://} URL, an {@code IMAP:} note line, a
 * {@code mail.…} host) or a mail provider (an address or web site the catalog knows); a login for
 * another site that merely uses the address as its user name is not. Rows of Mail Vault's own
 * export say what they are and are read back exactly.
 */
public final class LoginEntries {
    private final ServerLookup servers;

    public LoginEntries(ServerLookup servers) {
        this.servers = servers;
    }

    /**
     * Classifies every entry and wipes it. A value that breaks a rule (a mail URL with an invalid
     * port, an invalid {@code Mail Vault} line) is a {@link BadInputException} naming the entry.
     */
    public Parsed assemble(List<LoginEntry> entries) {
        Parsed parsed = new Parsed();
        List<Extra> extras = new ArrayList<>();
        try {
            for (LoginEntry e : entries) {
                try {
                    classify(e, parsed, extras);
                } catch (BadInputException ex) {
                    throw ImportRefusedException.at(e.source(), ex);
                }
            }
            for (Extra x : extras) {
                attach(x, parsed);
            }
            return parsed;
        } catch (RuntimeException ex) {
            parsed.close();
            extras.forEach(x -> x.secret.close());
            throw ex;
        } finally {
            entries.forEach(LoginEntry::close);
        }
    }

    /** A credential row of a Mail Vault export other than the account's main one. */
    private record Extra(LoginEntry entry, Address address, CredentialRef ref, Secret secret) {}

    private void classify(LoginEntry e, Parsed parsed, List<Extra> extras) {
        NoteFields notes = NoteFields.parse(e.notes(), e.fieldLines());
        Optional<Address> marked = notes.mailVaultAddress();
        if (marked.isPresent()
                && notes.mailVaultCredential().isPresent()
                && notes.mailVaultCredential().get().kind() != CredentialKind.IMAP) {
            if (e.password().length == 0) {
                parsed.skip(new Skipped(e.source(), e.label(), SkipReason.NO_PASSWORD, ""));
                return;
            }
            extras.add(new Extra(e, marked.get(), notes.mailVaultCredential().get(), Secret.copyOf(e.password())));
            return;
        }

        Endpoint fileImap = notes.imap().orElse(null);
        Endpoint fileSmtp = notes.smtp().orElse(null);
        List<String> webHosts = new ArrayList<>();
        for (String url : e.urls()) {
            Optional<MailUrls.Server> server = MailUrls.server(url);
            if (server.isPresent()) {
                if (server.get().protocol() == Protocol.IMAP && fileImap == null) {
                    fileImap = server.get().endpoint();
                } else if (server.get().protocol() == Protocol.SMTP && fileSmtp == null) {
                    fileSmtp = server.get().endpoint();
                }
            } else {
                MailUrls.host(url).ifPresent(webHosts::add);
            }
        }
        boolean namesServer = fileImap != null || fileSmtp != null;

        Optional<Address> address = marked.or(() -> email(e.username())).or(() -> email(e.title()));
        if (address.isEmpty()) {
            boolean mailish = namesServer || webHosts.stream().anyMatch(h -> MailUrls.isMailHost(h) || knownSite(h));
            parsed.skip(new Skipped(
                    e.source(),
                    e.label(),
                    mailish ? SkipReason.NO_ADDRESS : SkipReason.NOT_MAIL,
                    mailish || webHosts.isEmpty() ? "" : webHosts.get(0)));
            return;
        }
        Address a = address.get();
        Optional<KnownServers> known = servers.find(a);

        if (marked.isEmpty() && !namesServer) {
            if (!webHosts.isEmpty() && webHosts.stream().noneMatch(h -> related(h, a, known))) {
                parsed.skip(new Skipped(e.source(), e.label(), SkipReason.NOT_MAIL, webHosts.get(0)));
                return;
            }
            boolean mailish =
                    known.isPresent() || webHosts.stream().anyMatch(h -> MailUrls.isMailHost(h) || knownSite(h));
            if (!mailish) {
                parsed.skip(new Skipped(e.source(), e.label(), SkipReason.NOT_MAIL, ""));
                return;
            }
        }

        Endpoint imap =
                fileImap != null ? fileImap : known.map(KnownServers::imap).orElse(null);
        Endpoint smtp =
                fileSmtp != null ? fileSmtp : known.map(KnownServers::smtp).orElse(null);
        if (imap == null || smtp == null) {
            parsed.skip(new Skipped(
                    e.source(),
                    e.label(),
                    SkipReason.NO_SERVERS,
                    imap == null && smtp == null ? "" : imap == null ? "IMAP" : "SMTP"));
            return;
        }
        if (e.password().length == 0) {
            parsed.skip(new Skipped(e.source(), e.label(), SkipReason.NO_PASSWORD, ""));
            return;
        }

        String imapLogin;
        String smtpLogin;
        boolean usernameIsAddress = e.username().isEmpty() || e.username().equalsIgnoreCase(a.value());
        if (marked.isPresent() || !usernameIsAddress) {
            imapLogin = e.username();
            smtpLogin = notes.smtpLogin().orElse(null);
        } else {
            // The address as user name: the catalog knows what the provider's servers want.
            imapLogin =
                    fileImap == null ? known.flatMap(KnownServers::imapLogin).orElse(null) : null;
            smtpLogin = notes.smtpLogin()
                    .orElse(
                            fileSmtp == null
                                    ? known.flatMap(KnownServers::smtpLogin).orElse(null)
                                    : null);
        }
        String displayName =
                e.title().equalsIgnoreCase(a.value()) || e.title().equalsIgnoreCase(e.username()) ? "" : e.title();
        AccountSpec spec = new AccountSpec(
                a,
                displayName,
                notes.mailVaultProvider()
                        .orElse(known.map(KnownServers::providerId).orElse(null)),
                imap,
                smtp,
                imapLogin,
                smtpLogin,
                true,
                notes.mailVaultCaCertificate().orElse(null),
                notes.userNotes(),
                notes.mailVaultPolicy().orElse(null));
        Candidate c = new Candidate(e.source(), e.label(), spec);
        c.add(CredentialRef.IMAP, Secret.copyOf(e.password()), e.changedAt(), e.source());
        parsed.add(c);
    }

    private void attach(Extra x, Parsed parsed) {
        try {
            Optional<Candidate> account = parsed.candidate(x.address);
            if (account.isEmpty()) {
                parsed.skip(new Skipped(
                        x.entry.source(), x.entry.label(), SkipReason.ACCOUNT_NOT_IMPORTED, x.address.value()));
                x.secret.close();
                return;
            }
            Candidate c = account.get();
            if (c.credential(x.ref).isPresent()) {
                parsed.skip(new Skipped(
                        x.entry.source(),
                        x.entry.label(),
                        SkipReason.DUPLICATE_IN_FILE,
                        c.credential(x.ref).get().source()));
                x.secret.close();
                return;
            }
            if (x.ref.kind() == CredentialKind.SMTP) {
                AccountSpec s = c.spec();
                c.spec(new AccountSpec(
                        s.address(),
                        s.displayName(),
                        s.providerId(),
                        s.imap(),
                        s.smtp(),
                        s.imapLogin(),
                        s.smtpLogin(),
                        false,
                        s.caCertPem(),
                        s.notes(),
                        s.policy()));
            }
            c.add(x.ref, x.secret, x.entry.changedAt(), x.entry.source());
        } catch (BadInputException ex) {
            x.secret.close();
            throw ImportRefusedException.at(x.entry.source(), ex);
        }
    }

    /** A web site of the address's own domain, its provider, or its provider's mail servers. */
    private static boolean related(String host, Address address, Optional<KnownServers> known) {
        if (MailUrls.isMailHost(host) || MailUrls.within(host, address.domain())) {
            return true;
        }
        if (known.isEmpty()) {
            return false;
        }
        KnownServers k = known.get();
        return k.domains().stream().anyMatch(d -> MailUrls.within(host, d))
                || MailUrls.within(host, MailUrls.parentOf(k.imap().host()))
                || MailUrls.within(host, MailUrls.parentOf(k.smtp().host()));
    }

    /** A web site of a provider the catalog knows, such as {@code www.icloud.com}. */
    private boolean knownSite(String host) {
        return email("postmaster@" + host).flatMap(servers::find).isPresent();
    }

    private static Optional<Address> email(String text) {
        if (text == null || text.indexOf('@') <= 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(Address.of(text));
        } catch (BadInputException e) {
            return Optional.empty();
        }
    }
}
