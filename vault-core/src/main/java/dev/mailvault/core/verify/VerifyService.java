package dev.mailvault.core.verify;

import dev.mailvault.core.BadInputException;
import dev.mailvault.core.VaultSession;
import dev.mailvault.core.account.AccountInfo;
import dev.mailvault.core.account.AccountSpec;
import dev.mailvault.core.account.Address;
import dev.mailvault.core.account.CredentialInfo;
import dev.mailvault.core.account.CredentialKind;
import dev.mailvault.core.account.CredentialRef;
import dev.mailvault.core.account.Endpoint;
import dev.mailvault.core.crypto.Secret;
import dev.mailvault.core.provider.Provider;
import dev.mailvault.core.provider.ProviderCatalog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks stored credentials against the live servers and carries rotations forward: a pending value
 * that logs in is promoted; one that does not leaves everything as it was.
 *
 * <p>Lockout safety: at most one login per credential, protocol and value in a run; in a run over
 * all accounts a credential whose last login failed (AUTH_FAILED, ACCOUNT_LOCKED) less than {@link
 * #LOCKOUT_WINDOW} ago is skipped unless forced; accounts named explicitly are tried once.
 * Providers that accept no passwords are skipped without connecting.
 */
public final class VerifyService {
    public static final Duration LOCKOUT_WINDOW = Duration.ofMinutes(15);

    /**
     * The code of a {@link Outcome#TLS_CERT_INVALID} result whose login was not tried: the
     * account's stored CA certificate does not parse (stored by an older version or another tool).
     */
    public static final String CA_CERT_UNREADABLE = "CA_CERT_UNREADABLE";

    /** {@code accounts} empty means every account (and lockout protection applies). */
    public record Request(List<Address> accounts, boolean force, int parallel, int perHost) {
        public Request {
            accounts = List.copyOf(accounts);
        }

        public boolean all() {
            return accounts.isEmpty();
        }
    }

    /** What happened to a rotation in progress. */
    public enum RotationOutcome {
        /** The provider accepts the new value: it is now the current one. */
        PROMOTED,
        /** The new value is refused but the old one still works: not changed at the provider yet. */
        NOT_CHANGED_AT_PROVIDER,
        /** Neither value logs in. */
        BOTH_FAILED
    }

    public record RotationEvent(Address account, CredentialRef credential, RotationOutcome outcome) {}

    public record Report(List<CredentialCheck> checks, List<RotationEvent> rotations) {
        public boolean allOk() {
            return checks.stream().allMatch(c -> c.result().ok());
        }

        public Map<Outcome, Long> summary() {
            Map<Outcome, Long> out = new EnumMap<>(Outcome.class);
            for (CredentialCheck c : checks) {
                out.merge(c.result().outcome(), 1L, Long::sum);
            }
            return out;
        }
    }

    /** Hears about each result as it arrives (from worker threads, one call at a time). */
    public interface Listener {
        Listener NONE = check -> {};

        default void planned(int checks) {}

        void checked(CredentialCheck check);
    }

    private final VaultSession session;
    private final ProviderCatalog catalog;
    private final LoginChecker checker;
    private final Clock clock;

    public VerifyService(VaultSession session, ProviderCatalog catalog, LoginChecker checker, Clock clock) {
        this.session = session;
        this.catalog = catalog;
        this.checker = checker;
        this.clock = clock;
    }

    /** Runs the checks; interrupted or cancelled runs record what finished. */
    public Report verify(Request request, Listener listener, Cancellation cancellation) throws InterruptedException {
        List<AccountInfo> accounts = request.all()
                ? session.accounts()
                : request.accounts().stream().map(session::account).toList();
        Instant now = clock.instant();
        List<CredentialCheck> skipped = new ArrayList<>();
        List<Planned> pending = new ArrayList<>();
        List<Planned> current = new ArrayList<>();
        for (AccountInfo account : accounts) {
            Provider provider = provider(account.spec());
            if (provider.oauthOnly()) {
                skipped.add(skip(
                        account,
                        CredentialRef.IMAP,
                        Protocol.IMAP,
                        "OAUTH_ONLY",
                        CheckTexts.Kind.OAUTH_ONLY.english(provider.name(java.util.Locale.ENGLISH), "IMAP"),
                        now));
                skipped.add(skip(
                        account,
                        CredentialRef.SMTP,
                        Protocol.SMTP,
                        "OAUTH_ONLY",
                        CheckTexts.Kind.OAUTH_ONLY.english(provider.name(java.util.Locale.ENGLISH), "SMTP"),
                        now));
                continue;
            }
            for (CredentialInfo c : account.credentials()) {
                switch (c.ref().kind()) {
                    case IMAP -> {
                        plan(account, c, Protocol.IMAP, provider, request, now, skipped, pending, current);
                        if (account.spec().smtpSameAsImap()) {
                            plan(account, c, Protocol.SMTP, provider, request, now, skipped, pending, current);
                        }
                    }
                    case SMTP -> plan(account, c, Protocol.SMTP, provider, request, now, skipped, pending, current);
                    case APP -> {
                        if (c.suspect()) {
                            current.add(
                                    new Planned(account, c.ref(), Protocol.IMAP, CheckResult.Slot.CURRENT, provider));
                        }
                    }
                    case PORTAL -> {
                        // the web-portal login is not a mail login: nothing to check
                    }
                }
            }
        }
        listener.planned(skipped.size() + pending.size() + current.size());
        skipped.forEach(listener::checked);

        List<CredentialCheck> results = new ArrayList<>(skipped);
        List<RotationEvent> rotations = new ArrayList<>();
        VerifyRunner runner = new VerifyRunner(checker, request.parallel(), request.perHost(), clock);

        // Phase 1: pending values first; one that logs in is promoted before the current values run.
        // One login that works is the proof: the provider has the new value. A shared IMAP and SMTP
        // password whose other server failed (unavailable, or not yet updated) is promoted all the
        // same; that failure stays in the results.
        if (!pending.isEmpty()) {
            // the current values are read (and so checked) before Phase 1 stores its results: a
            // value changed outside Mail Vault stops the run before anything is written
            session.secrets(lookups(current)).forEach(Secret::close);
        }
        List<CredentialCheck> pendingResults = run(runner, pending, listener, cancellation);
        results.addAll(pendingResults);
        session.recordChecks(pendingResults);
        Map<String, Boolean> pendingOk = new LinkedHashMap<>();
        for (CredentialCheck c : pendingResults) {
            pendingOk.merge(rotationKey(c.account(), c.credential()), c.result().ok(), Boolean::logicalOr);
        }
        for (Map.Entry<String, Boolean> e : pendingOk.entrySet()) {
            if (e.getValue()) {
                CredentialCheck any = pendingResults.stream()
                        .filter(c -> rotationKey(c.account(), c.credential()).equals(e.getKey()))
                        .findFirst()
                        .orElseThrow();
                session.promotePending(any.account(), any.credential(), true);
                rotations.add(new RotationEvent(any.account(), any.credential(), RotationOutcome.PROMOTED));
            }
        }
        // Phase 2: current values, except those of a promoted credential on the protocols its new
        // value was just tried on: the current value is that value now (one login per value and
        // protocol in a run), and the old one is history.
        List<Planned> remaining = current.stream()
                .filter(p -> !(Boolean.TRUE.equals(pendingOk.get(rotationKey(p.account.address(), p.ref)))
                        && pendingResults.stream()
                                .anyMatch(c -> c.account().equals(p.account.address())
                                        && c.credential().equals(p.ref)
                                        && c.result().protocol() == p.protocol)))
                .toList();
        List<CredentialCheck> currentResults = run(runner, remaining, listener, cancellation);
        results.addAll(currentResults);
        session.recordChecks(currentResults);
        for (CredentialCheck c : currentResults) {
            if (c.credential().kind() == CredentialKind.APP && c.result().ok()) {
                session.setSuspect(c.account(), c.credential(), false);
            }
        }
        for (Map.Entry<String, Boolean> e : pendingOk.entrySet()) {
            if (!e.getValue()) {
                List<CredentialCheck> mine = currentResults.stream()
                        .filter(c -> rotationKey(c.account(), c.credential()).equals(e.getKey()))
                        .toList();
                CredentialCheck first = pendingResults.stream()
                        .filter(c -> rotationKey(c.account(), c.credential()).equals(e.getKey()))
                        .findFirst()
                        .orElseThrow();
                boolean currentWorks = !mine.isEmpty()
                        && mine.stream().allMatch(c -> c.result().ok());
                rotations.add(new RotationEvent(
                        first.account(),
                        first.credential(),
                        currentWorks ? RotationOutcome.NOT_CHANGED_AT_PROVIDER : RotationOutcome.BOTH_FAILED));
            }
        }
        results.sort(Comparator.comparing((CredentialCheck c) -> c.account())
                .thenComparing(c -> c.result().protocol())
                .thenComparing(c -> c.result().credential()));
        return new Report(List.copyOf(results), List.copyOf(rotations));
    }

    private record Planned(
            AccountInfo account, CredentialRef ref, Protocol protocol, CheckResult.Slot slot, Provider provider) {}

    private void plan(
            AccountInfo account,
            CredentialInfo credential,
            Protocol protocol,
            Provider provider,
            Request request,
            Instant now,
            List<CredentialCheck> skipped,
            List<Planned> pending,
            List<Planned> current) {
        if (credential.hasPending()) {
            pending.add(new Planned(account, credential.ref(), protocol, CheckResult.Slot.PENDING, provider));
        }
        Optional<CheckResult> last = account.lastChecks().stream()
                .filter(r -> r.protocol() == protocol && r.credential() == CheckResult.Slot.CURRENT)
                .findFirst();
        boolean recentFailure = last.isPresent()
                && (last.get().outcome() == Outcome.AUTH_FAILED || last.get().outcome() == Outcome.ACCOUNT_LOCKED)
                && last.get().at().isAfter(now.minus(LOCKOUT_WINDOW));
        if (request.all() && !request.force() && recentFailure) {
            long minutes = Math.max(1, Duration.between(last.get().at(), now).toMinutes());
            skipped.add(skip(
                    account,
                    credential.ref(),
                    protocol,
                    "LOCKOUT_PROTECTION",
                    CheckTexts.Kind.LOCKOUT_PROTECTION.english(
                            minutes, last.get().outcome()),
                    now));
            return;
        }
        current.add(new Planned(account, credential.ref(), protocol, CheckResult.Slot.CURRENT, provider));
    }

    private static List<VaultSession.SecretLookup> lookups(List<Planned> planned) {
        return planned.stream()
                .map(p -> new VaultSession.SecretLookup(p.account.address(), p.ref, p.slot == CheckResult.Slot.PENDING))
                .toList();
    }

    private List<CredentialCheck> run(
            VerifyRunner runner, List<Planned> planned, Listener listener, Cancellation cancellation)
            throws InterruptedException {
        if (planned.isEmpty()) {
            return List.of();
        }
        List<Secret> opened = new ArrayList<>();
        Map<String, Planned> byKey = new LinkedHashMap<>();
        List<VerifyJob> jobs = new ArrayList<>();
        // accounts of one provider share their CA certificate: parse each text once per run
        Map<String, TrustAnchors> caTrust = new HashMap<>();
        List<CredentialCheck> unreadableCa = new ArrayList<>();
        try {
            opened.addAll(session.secrets(lookups(planned)));
            for (int i = 0; i < planned.size(); i++) {
                Planned p = planned.get(i);
                Secret secret = opened.get(i);
                AccountSpec spec = p.account.spec();
                Endpoint endpoint = p.protocol == Protocol.IMAP ? spec.imap() : spec.smtp();
                String login = p.protocol == Protocol.IMAP ? spec.imapLogin() : spec.smtpLogin();
                // the account's facts say whether a pin exists; only then is it read from the store
                String pinFingerprint = p.protocol == Protocol.IMAP
                        ? p.account.pinnedImapCertSha256()
                        : p.account.pinnedSmtpCertSha256();
                byte[] pinned = pinFingerprint == null || pinFingerprint.isEmpty()
                        ? null
                        : session.pinnedCertificate(p.account.address(), p.protocol)
                                .orElse(null);
                TrustAnchors trust;
                if (pinned != null) {
                    trust = TrustAnchors.of(spec.caCertPem(), pinned);
                } else {
                    try {
                        trust = caTrust.computeIfAbsent(spec.caCertPem(), pem -> TrustAnchors.of(pem, null));
                    } catch (BadInputException e) {
                        // a CA text stored by an older version or another tool: this account's
                        // checks fail, the others run
                        CredentialCheck check = caUnreadable(p, endpoint, e);
                        listener.checked(check);
                        unreadableCa.add(check);
                        continue;
                    }
                }
                String key = p.account.address() + " " + p.ref + " " + p.protocol.id() + " " + p.slot.id();
                byKey.put(key, p);
                jobs.add(new VerifyJob(
                        key, new VerifyTarget(p.protocol, endpoint, login, secret, trust, p.provider.rules()), p.slot));
            }
            if (jobs.isEmpty()) {
                return unreadableCa;
            }
            VerifyRunner.Run run = runner.start(jobs, result -> {
                Planned p = byKey.get(result.job().key());
                listener.checked(new CredentialCheck(p.account.address(), p.ref, result.result()));
            });
            Cancellation.Registration registration = cancellation.onCancel(run::cancel);
            try {
                List<CredentialCheck> out = new ArrayList<>(unreadableCa);
                for (JobResult r : run.await()) {
                    Planned p = byKey.get(r.job().key());
                    out.add(new CredentialCheck(p.account.address(), p.ref, r.result()));
                }
                return out;
            } finally {
                registration.close();
            }
        } finally {
            opened.forEach(Secret::close);
        }
    }

    /** The result of a check not tried because the account's stored CA certificate does not parse. */
    private CredentialCheck caUnreadable(Planned p, Endpoint endpoint, BadInputException why) {
        return new CredentialCheck(
                p.account.address(),
                p.ref,
                new CheckResult(
                        p.protocol,
                        p.slot,
                        Outcome.TLS_CERT_INVALID,
                        endpoint.host(),
                        endpoint.port(),
                        CA_CERT_UNREADABLE,
                        CheckTexts.Kind.CA_CERT_UNREADABLE.english(why.getMessage()),
                        "",
                        0,
                        clock.instant()));
    }

    private Provider provider(AccountSpec spec) {
        return catalog.forAccount(spec.providerId(), spec.address());
    }

    private static CredentialCheck skip(
            AccountInfo account, CredentialRef ref, Protocol protocol, String code, String message, Instant now) {
        Endpoint endpoint = protocol == Protocol.IMAP
                ? account.spec().imap()
                : account.spec().smtp();
        return new CredentialCheck(
                account.address(),
                ref,
                new CheckResult(
                        protocol,
                        CheckResult.Slot.CURRENT,
                        Outcome.SKIPPED,
                        endpoint.host(),
                        endpoint.port(),
                        code,
                        message,
                        "",
                        0,
                        now));
    }

    private static String rotationKey(Address account, CredentialRef ref) {
        return account + " " + ref;
    }
}
