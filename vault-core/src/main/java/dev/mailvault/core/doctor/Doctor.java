package dev.mailvault.core.doctor;

import dev.mailvault.core.account.AccountInfo;
import dev.mailvault.core.account.CredentialInfo;
import dev.mailvault.core.account.CredentialKind;
import dev.mailvault.core.account.CredentialRef;
import dev.mailvault.core.account.Endpoint;
import dev.mailvault.core.crypto.Secret;
import dev.mailvault.core.devices.DeviceInfo;
import dev.mailvault.core.devices.ReentrySteps;
import dev.mailvault.core.doctor.DoctorTexts.Localized;
import dev.mailvault.core.doctor.DoctorTexts.Msg;
import dev.mailvault.core.doctor.SecretInspection.Issue;
import dev.mailvault.core.provider.LocalizedText;
import dev.mailvault.core.provider.Portal;
import dev.mailvault.core.provider.Provider;
import dev.mailvault.core.provider.ServerSettings;
import dev.mailvault.core.verify.CheckResult;
import dev.mailvault.core.verify.CheckResult.Slot;
import dev.mailvault.core.verify.Outcome;
import dev.mailvault.core.verify.Protocol;
import dev.mailvault.core.verify.VerifyService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The analysis behind {@code vault doctor}: explains why a login fails from the stored values, the
 * last checks and the provider's known behaviour, without any network access and without revealing
 * a stored value. It ends with where to reset the password and which devices will need the new one.
 */
public final class Doctor {
    /** A failure this soon after {@code changed_at} is most likely a provider or device not yet updated. */
    static final Duration RECENT_ROTATION = Duration.ofDays(7);

    private final AccountInfo account;
    private final Provider provider;
    private final SecretsView secrets;
    private final Clock clock;
    private final List<Finding> findings = new ArrayList<>();
    private final Set<String> emitted = new HashSet<>();

    private Doctor(AccountInfo account, Provider provider, SecretsView secrets, Clock clock) {
        this.account = account;
        this.provider = provider;
        this.secrets = secrets;
        this.clock = clock;
    }

    /**
     * Diagnoses one account. {@code recentChecks} may hold any number of checks of this account in
     * any order; the newest per protocol and value (current, pending) is used. A check of a pending
     * value counts only while that value is still pending and only if made since it was stored; the
     * check that got a value promoted counts as a check of the current value. The caller opens the
     * secrets in {@code secrets} and closes them afterwards.
     */
    public static Diagnosis diagnose(
            AccountInfo account,
            Provider provider,
            SecretsView secrets,
            List<CheckResult> recentChecks,
            List<DeviceInfo> devices,
            Clock clock) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(secrets, "secrets");
        Objects.requireNonNull(recentChecks, "recentChecks");
        Objects.requireNonNull(devices, "devices");
        Objects.requireNonNull(clock, "clock");
        Doctor doctor = new Doctor(account, provider, secrets, clock);
        doctor.run(recentChecks, devices);
        return new Diagnosis(account.address(), provider.id(), doctor.findings);
    }

    private void run(List<CheckResult> checks, List<DeviceInfo> devices) {
        if (!provider.confirmed()) {
            add(FindingCode.UNCONFIRMED_SETTINGS, null, null, (Localized)
                    locale -> provider.unconfirmedNotice(locale).orElseThrow());
        }
        if (provider.oauthOnly()) {
            // no check is made against such a provider (verify skips it), so the catalog is the evidence
            add(FindingCode.OAUTH_REQUIRED, null, null, providerName(), new Msg("protocols.mail"), (Localized)
                    locale -> provider.hint(Outcome.OAUTH_REQUIRED, locale).orElse(""));
        }
        inspectStoredValues();
        compareServers();
        readChecks(checks);
        whereToReset();
        listDevices(devices);
        if (findings.stream().noneMatch(f -> f.severity().isProblem())) {
            findings.add(0, new Finding(FindingCode.NO_PROBLEM_FOUND, Optional.empty(), Optional.empty(), List.of()));
        }
    }

    // stored values

    private void inspectStoredValues() {
        for (Map.Entry<CredentialRef, Secret> entry : secrets.currentValues().entrySet()) {
            if (skipAsDuplicateOfImap(entry.getKey())) {
                continue;
            }
            inspect(entry.getKey(), false, entry.getValue());
        }
        for (Map.Entry<CredentialRef, Secret> entry : secrets.pendingValues().entrySet()) {
            if (skipAsDuplicateOfImap(entry.getKey())) {
                continue;
            }
            inspect(entry.getKey(), true, entry.getValue());
        }
    }

    /** With "SMTP same as IMAP" one value serves both; it is looked at once, as the IMAP value. */
    private boolean skipAsDuplicateOfImap(CredentialRef ref) {
        return ref.equals(CredentialRef.SMTP) && account.spec().smtpSameAsImap();
    }

    private void inspect(CredentialRef ref, boolean pending, Secret value) {
        Msg which = credentialName(ref, pending);
        Set<Issue> issues = SecretInspection.inspect(value);
        if (issues.contains(Issue.EMPTY)) {
            addForValue(FindingCode.EMPTY_VALUE, ref, pending, which);
            return;
        }
        if (issues.contains(Issue.SPACE_AT_ENDS)) {
            addForValue(FindingCode.SPACE_AT_ENDS, ref, pending, which);
        }
        if (issues.contains(Issue.FULL_WIDTH)) {
            addForValue(FindingCode.FULL_WIDTH_CHARACTERS, ref, pending, which);
        }
        if (issues.contains(Issue.INVISIBLE)) {
            addForValue(FindingCode.INVISIBLE_CHARACTERS, ref, pending, which);
        }
        boolean mailPassword = ref.kind() == CredentialKind.IMAP || ref.kind() == CredentialKind.SMTP;
        if (mailPassword && provider.passwordKind().isSpecial()) {
            provider.issuedLength().ifPresent(expected -> {
                if (value.length() != expected) {
                    addForValue(FindingCode.UNEXPECTED_LENGTH, ref, pending, which, providerName(), expected);
                }
            });
            Optional<Secret> portal = secrets.portal();
            if (portal.isPresent() && !portal.get().isEmpty() && value.sameValueAs(portal.get())) {
                addForValue(
                        FindingCode.SAME_AS_PORTAL_PASSWORD,
                        ref,
                        pending,
                        which,
                        portalName(),
                        providerName(),
                        (Localized) provider::passwordKindDescription);
            }
        }
    }

    private void compareServers() {
        compareServer(Protocol.IMAP, account.spec().imap(), provider.imap());
        compareServer(Protocol.SMTP, account.spec().smtp(), provider.smtp());
    }

    private void compareServer(Protocol protocol, Endpoint used, Optional<ServerSettings> catalog) {
        if (catalog.isPresent() && !catalog.get().endpoint().equals(used)) {
            add(
                    FindingCode.SERVER_DIFFERS_FROM_CATALOG,
                    null,
                    protocol,
                    protocol.name(),
                    used.toString(),
                    providerName(),
                    catalog.get().endpoint().toString());
        }
    }

    // checks

    private void readChecks(List<CheckResult> checks) {
        List<CheckResult> ofCurrent = new ArrayList<>();
        List<CheckResult> ofPending = new ArrayList<>();
        for (CheckResult check : account.checksOfValuesInUse(checks)) {
            (check.credential() == Slot.CURRENT ? ofCurrent : ofPending).add(check);
        }
        Map<Protocol, CheckResult> current = newest(ofCurrent, Slot.CURRENT);
        Map<Protocol, CheckResult> pending = newest(ofPending, Slot.PENDING);
        if (current.isEmpty() && pending.isEmpty()) {
            add(FindingCode.NO_CHECKS, null, null);
            return;
        }
        Map<Protocol, CheckResult> relevant = new EnumMap<>(Protocol.class);
        for (Map.Entry<Protocol, CheckResult> entry : current.entrySet()) {
            CheckResult check = entry.getValue();
            CredentialInfo credential = credentialFor(entry.getKey());
            if (check.outcome().isCredentialRejected() && check.at().isBefore(credential.changedAt())) {
                add(
                        FindingCode.CHECK_OLDER_THAN_CHANGE,
                        credential.ref(),
                        entry.getKey(),
                        entry.getKey().name(),
                        date(check.at()),
                        date(credential.changedAt()));
                continue;
            }
            relevant.put(entry.getKey(), check);
        }
        CheckResult imap = relevant.get(Protocol.IMAP);
        CheckResult smtp = relevant.get(Protocol.SMTP);
        Set<Protocol> explained = new HashSet<>();
        if (imap != null && imap.ok() && smtp != null && smtp.outcome() == Outcome.AUTH_FAILED) {
            add(
                    FindingCode.SMTP_REFUSED_IMAP_ACCEPTED,
                    credentialFor(Protocol.SMTP).ref(),
                    Protocol.SMTP,
                    hostPort(smtp),
                    account.spec().smtpLogin(),
                    serverHint(smtp));
            explained.add(Protocol.SMTP);
        }
        if (smtp != null && smtp.ok() && imap != null && imap.outcome() == Outcome.AUTH_FAILED) {
            add(
                    FindingCode.IMAP_REFUSED_SMTP_ACCEPTED,
                    CredentialRef.IMAP,
                    Protocol.IMAP,
                    hostPort(imap),
                    account.spec().imapLogin(),
                    serverHint(imap));
            explained.add(Protocol.IMAP);
        }
        for (Map.Entry<Protocol, CheckResult> entry : relevant.entrySet()) {
            if (!explained.contains(entry.getKey())) {
                explainCurrent(entry.getKey(), entry.getValue(), pending.get(entry.getKey()));
            }
        }
        for (Map.Entry<Protocol, CheckResult> entry : pending.entrySet()) {
            explainPending(entry.getKey(), entry.getValue(), current.get(entry.getKey()));
        }
    }

    private void explainCurrent(Protocol protocol, CheckResult check, CheckResult pendingCheck) {
        CredentialInfo credential = credentialFor(protocol);
        CredentialRef ref = credential.ref();
        String protocolName = protocol.name();
        switch (check.outcome()) {
            case OK -> {}
            case AUTH_FAILED -> {
                if (recentlyRotated(credential)) {
                    Msg pendingNote = credential.hasPending() ? new Msg("note.pendingExists") : new Msg("note.none");
                    add(
                            FindingCode.NOT_UPDATED_AFTER_ROTATION,
                            ref,
                            protocol,
                            protocolName,
                            hostPort(check),
                            date(credential.changedAt()),
                            pendingNote,
                            portalName());
                } else {
                    add(
                            FindingCode.AUTH_FAILED,
                            ref,
                            protocol,
                            protocolName,
                            hostPort(check),
                            loginFor(protocol),
                            serverHint(check));
                }
            }
            case APP_PASSWORD_REQUIRED ->
                add(
                        FindingCode.APP_PASSWORD_REQUIRED,
                        ref,
                        protocol,
                        providerName(),
                        protocolName,
                        (Localized) provider::passwordKindDescription,
                        hintOr(check, Outcome.APP_PASSWORD_REQUIRED, "hint.appPassword"));
            case OAUTH_REQUIRED -> {
                if (!provider.oauthOnly()) { // else said once for the whole account, above
                    add(
                            FindingCode.OAUTH_REQUIRED,
                            ref,
                            protocol,
                            providerName(),
                            protocolName,
                            hintOr(check, Outcome.OAUTH_REQUIRED, "note.none"));
                }
            }
            case PASSWORD_EXPIRED ->
                add(FindingCode.PASSWORD_EXPIRED, ref, protocol, providerName(), protocolName, portalName());
            case ACCOUNT_LOCKED ->
                add(
                        FindingCode.ACCOUNT_LOCKED,
                        ref,
                        protocol,
                        providerName(),
                        protocolName,
                        portalName(),
                        hintOr(check, Outcome.ACCOUNT_LOCKED, "note.none"));
            case RATE_LIMITED ->
                add(
                        FindingCode.RATE_LIMITED,
                        ref,
                        protocol,
                        protocolName,
                        hostPort(check),
                        hintOr(check, Outcome.RATE_LIMITED, "note.none"));
            case TLS_REQUIRED, TLS_CERT_INVALID, TLS_HOSTNAME_MISMATCH, TLS_ERROR ->
                add(
                        FindingCode.TLS_PROBLEM,
                        null,
                        protocol,
                        protocolName,
                        hostPort(check),
                        new Msg(
                                check.code().equals(VerifyService.CA_CERT_UNREADABLE)
                                        ? "outcome.caCertUnreadable"
                                        : "outcome." + check.outcome().name()));
            case DNS_FAILURE, CONNECT_REFUSED, CONNECT_TIMEOUT, READ_TIMEOUT, SERVER_UNAVAILABLE, PROTOCOL_ERROR ->
                add(
                        FindingCode.CONNECTION_PROBLEM,
                        null,
                        protocol,
                        protocolName,
                        hostPort(check),
                        new Msg("outcome." + check.outcome().name()));
            case SKIPPED -> add(FindingCode.CHECK_SKIPPED, ref, protocol, protocolName);
        }
    }

    private void explainPending(Protocol protocol, CheckResult pendingCheck, CheckResult currentCheck) {
        CredentialRef ref = credentialFor(protocol).ref();
        if (pendingCheck.ok() && (currentCheck == null || !currentCheck.ok())) {
            add(FindingCode.PENDING_ACCEPTED, ref, protocol, protocol.name(), hostPort(pendingCheck));
        } else if (pendingCheck.outcome() == Outcome.AUTH_FAILED
                || pendingCheck.outcome() == Outcome.APP_PASSWORD_REQUIRED) {
            add(FindingCode.PENDING_REFUSED, ref, protocol, protocol.name(), hostPort(pendingCheck), portalName());
        } else if (currentCheck == null) {
            explainCurrent(protocol, pendingCheck, null);
        }
    }

    // what to do next

    private void whereToReset() {
        Optional<Portal> portal = provider.portal();
        if (portal.isEmpty()) {
            add(FindingCode.RESET_UNKNOWN, null, null, providerName());
            return;
        }
        Portal p = portal.get();
        add(
                FindingCode.RESET_WHERE,
                null,
                null,
                providerName(),
                p.name(),
                p.url().toString(),
                (Localized) locale -> {
                    List<String> steps = p.steps(locale);
                    StringBuilder text = new StringBuilder();
                    for (int i = 0; i < steps.size(); i++) {
                        text.append('\n').append(i + 1).append(". ").append(steps.get(i));
                    }
                    return text.toString();
                });
    }

    private void listDevices(List<DeviceInfo> devices) {
        List<Localized> using = new ArrayList<>();
        List<Localized> stale = new ArrayList<>();
        for (DeviceInfo device : devices) {
            List<DeviceInfo.Use> uses = device.uses().stream()
                    .filter(u -> u.account().equals(account.address()))
                    .toList();
            if (uses.isEmpty()) {
                continue;
            }
            // the device's type in the reader's words, as `vault devices` names it
            Localized label = locale -> LocalizedText.isJapanese(locale)
                    ? device.name() + "（" + ReentrySteps.typeName(device.type(), locale) + "）"
                    : device.name() + " (" + ReentrySteps.typeName(device.type(), locale) + ")";
            using.add(label);
            if (uses.stream().anyMatch(DeviceInfo.Use::needsReentry)) {
                stale.add(label);
            }
        }
        if (!stale.isEmpty()) {
            add(FindingCode.DEVICES_NEED_REENTRY, null, null, List.copyOf(stale));
        }
        if (using.isEmpty()) {
            add(FindingCode.NO_DEVICES, null, null);
        } else {
            add(FindingCode.DEVICES_TO_UPDATE, null, null, List.copyOf(using));
        }
    }

    // helpers

    private static Map<Protocol, CheckResult> newest(List<CheckResult> checks, Slot slot) {
        Map<Protocol, CheckResult> newest = new LinkedHashMap<>();
        checks.stream()
                .filter(c -> c.credential() == slot)
                .sorted(Comparator.comparing(CheckResult::at))
                .forEach(c -> newest.put(c.protocol(), c));
        return newest;
    }

    private CredentialInfo credentialFor(Protocol protocol) {
        return account.credentialFor(protocol);
    }

    private boolean recentlyRotated(CredentialInfo credential) {
        Instant now = clock.instant();
        return credential.hasPending()
                || (!credential.changedAt().isAfter(now)
                        && Duration.between(credential.changedAt(), now).compareTo(RECENT_ROTATION) <= 0
                        && credential.historySize() > 0);
    }

    private String loginFor(Protocol protocol) {
        return protocol == Protocol.IMAP
                ? account.spec().imapLogin()
                : account.spec().smtpLogin();
    }

    private Localized providerName() {
        return provider::name;
    }

    private Object portalName() {
        return provider.portal().<Object>map(Portal::name).orElse(new Msg("portal.unknown"));
    }

    /** The provider's advice for what the server said, else for the outcome, else nothing. */
    private Localized serverHint(CheckResult check) {
        return locale -> provider.hintForServerText(check.message(), locale)
                .or(() -> provider.hint(check.outcome(), locale))
                .orElse("");
    }

    private Localized hintOr(CheckResult check, Outcome outcome, String fallbackKey) {
        return locale -> provider.hintForServerText(check.message(), locale)
                .or(() -> provider.hint(outcome, locale))
                .orElseGet(() -> DoctorTexts.render(locale, fallbackKey, List.of()));
    }

    private static String hostPort(CheckResult check) {
        String where = check.host().isEmpty() ? "?" : check.host();
        return check.port() > 0 ? where + ":" + check.port() : where;
    }

    private String date(Instant instant) {
        return LocalDate.ofInstant(instant, clock.getZone()).toString();
    }

    private static Msg credentialName(CredentialRef ref, boolean pending) {
        Msg base = switch (ref.kind()) {
            case IMAP -> new Msg("credential.imap");
            case SMTP -> new Msg("credential.smtp");
            case PORTAL -> new Msg("credential.portal");
            case APP -> new Msg("credential.app", ref.label());
        };
        return pending ? new Msg("credential.pending", base) : base;
    }

    /** Adds a finding once per code, credential and protocol. */
    private void add(FindingCode code, CredentialRef ref, Protocol protocol, Object... args) {
        addOnce(code + "|" + ref + "|" + protocol, code, ref, protocol, args);
    }

    /** Adds a finding about a stored value once per code, credential and value (current or pending). */
    private void addForValue(FindingCode code, CredentialRef ref, boolean pending, Object... args) {
        addOnce(code + "|" + ref + "|" + (pending ? "pending" : "current"), code, ref, null, args);
    }

    private void addOnce(String key, FindingCode code, CredentialRef ref, Protocol protocol, Object... args) {
        if (emitted.add(key)) {
            findings.add(new Finding(code, Optional.ofNullable(ref), Optional.ofNullable(protocol), List.of(args)));
        }
    }
}
