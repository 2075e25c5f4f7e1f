package dev.mailvault.core.audit;

import dev.mailvault.core.VaultSession;
import dev.mailvault.core.account.AccountInfo;
import dev.mailvault.core.account.Address;
import dev.mailvault.core.account.CredentialInfo;
import dev.mailvault.core.account.CredentialKind;
import dev.mailvault.core.account.CredentialRef;
import dev.mailvault.core.account.Endpoint;
import dev.mailvault.core.crypto.KeyedDigest;
import dev.mailvault.core.crypto.Secret;
import dev.mailvault.core.devices.DeviceInfo;
import dev.mailvault.core.provider.Provider;
import dev.mailvault.core.provider.ProviderCatalog;
import dev.mailvault.core.provider.ServerSettings;
import dev.mailvault.core.remind.ReminderItem;
import dev.mailvault.core.remind.Reminders;
import dev.mailvault.core.verify.CheckResult;
import dev.mailvault.core.verify.CheckResult.Slot;
import dev.mailvault.core.verify.Outcome;
import dev.mailvault.core.verify.Protocol;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * {@code vault audit}: every account that needs attention, each with all its reasons as {@link
 * AuditFlag flags}, most urgent first. No score: the flags are facts, each with its next step.
 *
 * <p>The stored values are read once each, to measure their strength and to compare them across
 * accounts through a {@link KeyedDigest} whose random key lives only for this run; each value is
 * wiped as soon as both are done. Only different accounts sharing a value count as reuse: the IMAP
 * and SMTP passwords of one account (or its portal password, where the provider uses the account
 * password for mail) are often the same on purpose.
 *
 * <p>A failed check is reported instead of, not besides, "never verified" or "not verified
 * recently" for the same credential. Checks made before the value last changed tried an older value
 * and are ignored. Unconfirmed catalog settings are only reported while no login over them has
 * reached the server (a success, or a refused password, proves the host, port and TLS work).
 */
public final class Audit {
    /** A login older than this many days no longer counts as recently verified. */
    public static final int VERIFIED_WITHIN_DAYS = 30;

    private final VaultSession session;
    private final ProviderCatalog catalog;
    private final Clock clock;
    private final Instant now;
    private final LocalDate today;

    private Audit(VaultSession session, ProviderCatalog catalog, Clock clock) {
        this.session = session;
        this.catalog = catalog;
        this.clock = clock;
        this.now = clock.instant();
        this.today = LocalDate.ofInstant(now, clock.getZone());
    }

    /** Audits every account of an unlocked vault, with a strong random key for the reuse check. */
    public static AuditReport run(VaultSession session, ProviderCatalog catalog, Clock clock) {
        return run(session, catalog, clock, new SecureRandom());
    }

    /** As {@link #run(VaultSession, ProviderCatalog, Clock)}, with the random source for the digest key. */
    public static AuditReport run(VaultSession session, ProviderCatalog catalog, Clock clock, SecureRandom random) {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(random, "random");
        return new Audit(session, catalog, clock).audit(random);
    }

    private record Held(Address address, CredentialRef ref) {}

    /** What the one pass over the stored values learned: weak scores and who shares a value with whom. */
    private record ValueFacts(Map<Held, Integer> weakScores, Map<Held, List<Address>> sharedWith) {}

    private AuditReport audit(SecureRandom random) {
        List<AccountInfo> accounts = session.accounts();
        List<DeviceInfo> devices = session.devices();
        ValueFacts values = readValues(accounts, random);
        List<AuditEntry> entries = new ArrayList<>();
        for (AccountInfo account : accounts) {
            Provider provider = catalog.forAccount(account.spec().providerId(), account.address());
            List<AuditFlag> flags = flags(account, provider, devices, values);
            if (!flags.isEmpty()) {
                flags.sort(FLAG_ORDER);
                entries.add(new AuditEntry(
                        account.address(), provider, account.spec().smtpSameAsImap(), flags));
            }
        }
        entries.sort(ENTRY_ORDER);
        return new AuditReport(now, accounts.size(), entries);
    }

    // ---------------------------------------------------------------- stored values

    private ValueFacts readValues(List<AccountInfo> accounts, SecureRandom random) {
        Map<Held, Integer> weak = new HashMap<>();
        Map<KeyedDigest.Digest, List<Held>> byDigest = new HashMap<>();
        try (KeyedDigest digest = KeyedDigest.withRandomKey(random)) {
            for (AccountInfo account : accounts) {
                List<String> userInputs = userInputs(account);
                for (CredentialInfo credential : ownValues(account)) {
                    Held held = new Held(account.address(), credential.ref());
                    try (Secret value = session.secret(account.address(), credential.ref())) {
                        PasswordStrength.Result strength = PasswordStrength.measure(value, userInputs, Locale.ROOT);
                        if (strength.weak()) {
                            weak.put(held, strength.score());
                        }
                        // An empty value is already weak (score 0); two empty values are not "the same password".
                        if (!value.isEmpty()) {
                            byDigest.computeIfAbsent(digest.of(value), d -> new ArrayList<>())
                                    .add(held);
                        }
                    }
                }
            }
        }
        Map<Held, List<Address>> shared = new HashMap<>();
        for (List<Held> group : byDigest.values()) {
            for (Held held : group) {
                TreeSet<Address> others = new TreeSet<>();
                group.stream()
                        .map(Held::address)
                        .filter(a -> !a.equals(held.address()))
                        .forEach(others::add);
                if (!others.isEmpty()) {
                    shared.put(held, List.copyOf(others));
                }
            }
        }
        return new ValueFacts(weak, shared);
    }

    /** Each stored value once: with "SMTP same as IMAP" there is no separate SMTP value. */
    private static List<CredentialInfo> ownValues(AccountInfo account) {
        return account.credentials().stream()
                .filter(c -> !(c.ref().kind() == CredentialKind.SMTP
                        && account.spec().smtpSameAsImap()))
                .toList();
    }

    /** Words an attacker would try first: the address, its parts, the names and logins. */
    private static List<String> userInputs(AccountInfo account) {
        List<String> inputs = new ArrayList<>();
        Address address = account.address();
        inputs.add(address.value());
        inputs.add(address.localPart());
        inputs.add(address.domain());
        inputs.addAll(List.of(address.localPart().split("[._+-]")));
        inputs.addAll(List.of(address.domain().split("\\.")));
        inputs.add(account.spec().displayName());
        inputs.addAll(List.of(account.spec().displayName().split("\\s+")));
        inputs.add(account.spec().imapLogin());
        inputs.add(account.spec().smtpLogin());
        return inputs;
    }

    // ---------------------------------------------------------------- flags of one account

    private List<AuditFlag> flags(AccountInfo account, Provider provider, List<DeviceInfo> devices, ValueFacts values) {
        List<AuditFlag> flags = new ArrayList<>();
        if (provider.oauthOnly()) {
            flags.add(AuditFlag.account(FlagCode.OAUTH_ONLY, Map.of(AuditFlag.PROVIDER, provider.id())));
        }
        rotationDates(account, flags);
        for (CredentialInfo credential : ownValues(account)) {
            Held held = new Held(account.address(), credential.ref());
            Integer score = values.weakScores().get(held);
            if (score != null) {
                flags.add(AuditFlag.of(FlagCode.WEAK, credential.ref(), Map.of(AuditFlag.SCORE, score)));
            }
            List<Address> others = values.sharedWith().get(held);
            if (others != null) {
                flags.add(AuditFlag.of(
                        FlagCode.REUSED,
                        credential.ref(),
                        Map.of(
                                AuditFlag.SHARED_WITH,
                                others.stream().map(Address::value).toList())));
            }
            credential
                    .pendingSince()
                    .ifPresent(since -> flags.add(AuditFlag.of(
                            FlagCode.PENDING_ROTATION, credential.ref(), Map.of(AuditFlag.PENDING_SINCE, since))));
            if (credential.suspect()) {
                flags.add(AuditFlag.of(FlagCode.APP_PASSWORD_SUSPECT, credential.ref(), Map.of()));
            }
            checks(account, credential, provider, flags);
        }
        long stale = devices.stream()
                .filter(d -> d.uses().stream()
                        .anyMatch(u -> u.needsReentry() && u.account().equals(account.address())))
                .count();
        if (stale > 0) {
            flags.add(AuditFlag.account(FlagCode.DEVICES_STALE, Map.of(AuditFlag.COUNT, stale)));
        }
        if (!provider.confirmed() && !provider.isGeneric() && settingsUnproven(account, provider)) {
            flags.add(AuditFlag.account(FlagCode.SETTINGS_UNCONFIRMED, Map.of(AuditFlag.PROVIDER, provider.id())));
        }
        return flags;
    }

    private void rotationDates(AccountInfo account, List<AuditFlag> flags) {
        for (ReminderItem item : new Reminders(clock).due(List.of(account))) {
            if (item.credential().kind() == CredentialKind.SMTP
                    && account.spec().smtpSameAsImap()) {
                continue;
            }
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put(AuditFlag.DUE_ON, item.dueDate());
            switch (item.status()) {
                case OVERDUE -> {
                    detail.put(AuditFlag.DAYS, item.daysOverdue());
                    detail.put(AuditFlag.POLICY, item.policy().spec());
                    flags.add(AuditFlag.of(FlagCode.OVERDUE, item.credential(), detail));
                }
                case DUE_SOON -> {
                    detail.put(AuditFlag.DAYS, item.daysLeft());
                    detail.put(AuditFlag.POLICY, item.policy().spec());
                    flags.add(AuditFlag.of(FlagCode.DUE_SOON, item.credential(), detail));
                }
                case OK -> {}
            }
        }
    }

    /** The protocols a credential logs in to: none for the portal login. */
    private static List<Protocol> protocols(AccountInfo account, CredentialRef ref) {
        return switch (ref.kind()) {
            case IMAP ->
                account.spec().smtpSameAsImap() ? List.of(Protocol.IMAP, Protocol.SMTP) : List.of(Protocol.IMAP);
            case SMTP -> List.of(Protocol.SMTP);
            case APP -> List.of(Protocol.IMAP);
            case PORTAL -> List.of();
        };
    }

    private void checks(AccountInfo account, CredentialInfo credential, Provider provider, List<AuditFlag> flags) {
        boolean failed = false;
        List<Protocol> unverified = new ArrayList<>();
        Instant oldestVerified = null;
        for (Protocol protocol : protocols(account, credential.ref())) {
            Optional<CheckResult> last = session.lastCheck(account.address(), credential.ref(), protocol, Slot.CURRENT);
            if (last.isPresent() && isFailure(last.get(), credential)) {
                failed = true;
                CheckResult r = last.get();
                Map<String, Object> detail = new LinkedHashMap<>();
                detail.put(AuditFlag.PROTOCOL, protocol.id());
                detail.put(AuditFlag.OUTCOME, r.outcome().name());
                if (!r.code().isEmpty()) {
                    detail.put(AuditFlag.SERVER_CODE, r.code());
                }
                detail.put(AuditFlag.AT, r.at());
                flags.add(AuditFlag.of(FlagCode.LAST_CHECK_FAILED, credential.ref(), detail));
                continue;
            }
            Optional<Instant> verified = verifiedAt(account.address(), credential, protocol, last);
            if (verified.isEmpty()) {
                unverified.add(protocol);
            } else if (oldestVerified == null || verified.get().isBefore(oldestVerified)) {
                oldestVerified = verified.get();
            }
        }
        // App passwords are only checked while suspect, and OAuth-only providers are never checked.
        boolean expectsChecks = credential.ref().kind() == CredentialKind.IMAP
                || credential.ref().kind() == CredentialKind.SMTP;
        if (failed || !expectsChecks || provider.oauthOnly()) {
            return;
        }
        if (!unverified.isEmpty()) {
            flags.add(AuditFlag.of(
                    FlagCode.NEVER_VERIFIED,
                    credential.ref(),
                    Map.of(
                            AuditFlag.PROTOCOLS,
                            unverified.stream().map(Protocol::id).toList())));
        } else if (oldestVerified != null
                && oldestVerified.isBefore(now.minus(Duration.ofDays(VERIFIED_WITHIN_DAYS)))) {
            LocalDate on = LocalDate.ofInstant(oldestVerified, clock.getZone());
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put(AuditFlag.LAST_VERIFIED_ON, on);
            detail.put(AuditFlag.DAYS, ChronoUnit.DAYS.between(on, today));
            flags.add(AuditFlag.of(FlagCode.NOT_VERIFIED_RECENTLY, credential.ref(), detail));
        }
    }

    /**
     * A check of the current value that did not log in. A skip for lockout protection counts: it
     * only happens right after a refused login. Other skips (OAuth-only) tried nothing.
     */
    private static boolean isFailure(CheckResult check, CredentialInfo credential) {
        if (check.at().isBefore(credential.changedAt())) {
            return false;
        }
        if (check.outcome() == Outcome.SKIPPED) {
            return "LOCKOUT_PROTECTION".equals(check.code());
        }
        return !check.ok();
    }

    /**
     * When the current value last logged in over a protocol: a successful check of it since it
     * changed, else the successful check of the pending value that a verified rotation promoted.
     */
    private Optional<Instant> verifiedAt(
            Address address, CredentialInfo credential, Protocol protocol, Optional<CheckResult> lastCurrent) {
        if (lastCurrent.isPresent()
                && lastCurrent.get().ok()
                && !lastCurrent.get().at().isBefore(credential.changedAt())) {
            return Optional.of(lastCurrent.get().at());
        }
        if (credential.promotedUnverified()) {
            return Optional.empty();
        }
        return session.lastCheck(address, credential.ref(), protocol, Slot.PENDING)
                .filter(r -> r.ok() && !r.at().isAfter(credential.changedAt()))
                .map(CheckResult::at);
    }

    /**
     * Whether some protocol still uses the catalog's unconfirmed settings without a login having
     * reached the server over them.
     */
    private static boolean settingsUnproven(AccountInfo account, Provider provider) {
        return unproven(account, Protocol.IMAP, account.spec().imap(), provider.imap())
                || unproven(account, Protocol.SMTP, account.spec().smtp(), provider.smtp());
    }

    private static boolean unproven(
            AccountInfo account, Protocol protocol, Endpoint used, Optional<ServerSettings> catalogued) {
        boolean fromCatalog = catalogued.map(s -> s.endpoint().equals(used)).orElse(false);
        boolean reached = account.lastChecks().stream()
                .anyMatch(
                        r -> r.protocol() == protocol && (r.ok() || r.outcome().isCredentialRejected()));
        return fromCatalog && !reached;
    }

    // ---------------------------------------------------------------- order

    /** Within a kind of flag, the larger number of days overdue first. */
    private static long overdueDays(AuditFlag flag) {
        return flag.code() == FlagCode.OVERDUE ? (Long) flag.detail().get(AuditFlag.DAYS) : 0;
    }

    private static final Comparator<AuditFlag> FLAG_ORDER = Comparator.comparing(AuditFlag::code)
            .thenComparing(Comparator.comparingLong(Audit::overdueDays).reversed())
            .thenComparing(f -> f.credential().map(c -> c.kind().ordinal()).orElse(-1))
            .thenComparing(f -> f.credential().map(CredentialRef::label).orElse(""))
            .thenComparing(f -> f.detailText(AuditFlag.PROTOCOL));

    /**
     * The worst reason first; among equals, the longer overdue; then the other reasons rank by rank,
     * where more reasons come first; then by address.
     */
    private static final Comparator<AuditEntry> ENTRY_ORDER = Comparator.comparing(AuditEntry::worst)
            .thenComparing(Comparator.comparingLong((AuditEntry e) -> e.flags().stream()
                            .mapToLong(Audit::overdueDays)
                            .max()
                            .orElse(0))
                    .reversed())
            .thenComparing(Audit::compareFlags)
            .thenComparing(AuditEntry::address);

    private static int compareFlags(AuditEntry a, AuditEntry b) {
        int n = Math.min(a.flags().size(), b.flags().size());
        for (int i = 0; i < n; i++) {
            int c = a.flags().get(i).code().compareTo(b.flags().get(i).code());
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(b.flags().size(), a.flags().size());
    }
}
