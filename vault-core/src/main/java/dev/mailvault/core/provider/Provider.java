package dev.mailvault.core.provider;

import dev.mailvault.core.BadInputException;
import dev.mailvault.core.account.Address;
import dev.mailvault.core.verify.Outcome;
import dev.mailvault.core.verify.ProviderRules;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One catalog entry: a mail provider, its servers, the password its servers want, where to issue
 * or reset that password, what its servers say when they refuse a login, and where these facts
 * came from. {@code confirmed} is false when the server settings were not confirmed from an
 * official source; every text that uses them then carries {@link #unconfirmedNotice(Locale)}.
 *
 * <p>Only the {@value #GENERIC_ID} entry has no servers. An entry may have no domains when a user
 * entry took them over; it stays reachable by id for the accounts that name it.
 */
public record Provider(
        String id,
        LocalizedText names,
        List<String> domains,
        Optional<ServerSettings> imap,
        Optional<ServerSettings> smtp,
        PasswordKind passwordKind,
        Optional<Integer> issuedLength,
        Optional<Portal> portal,
        GenerateRules generate,
        List<ErrorText> errorTexts,
        boolean authFailureMeansAppPassword,
        Map<Outcome, LocalizedText> hints,
        LocalDate verified,
        String source,
        boolean confirmed) {

    public static final String GENERIC_ID = "generic";

    private static final Pattern ID = Pattern.compile("[a-z0-9]([a-z0-9.-]{0,62}[a-z0-9])?");
    private static final Pattern DOMAIN =
            Pattern.compile("([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+");

    public Provider {
        if (id == null || !ID.matcher(id).matches()) {
            throw new BadInputException(
                    "invalid provider id '" + id + "' (lower-case letters, digits, '.' and '-', at most 64)");
        }
        Objects.requireNonNull(names, "names");
        Objects.requireNonNull(passwordKind, "passwordKind");
        Objects.requireNonNull(generate, "generate");
        Objects.requireNonNull(verified, "verified");
        imap = imap == null ? Optional.empty() : imap;
        smtp = smtp == null ? Optional.empty() : smtp;
        issuedLength = issuedLength == null ? Optional.empty() : issuedLength;
        portal = portal == null ? Optional.empty() : portal;
        source = source == null ? "" : source.strip();
        if (source.isEmpty()) {
            throw new BadInputException("provider '" + id + "' needs a source for its settings");
        }
        List<String> normalized = new ArrayList<>();
        for (String domain : domains == null ? List.<String>of() : domains) {
            String d = domain == null ? "" : domain.strip().toLowerCase(Locale.ROOT);
            if (!DOMAIN.matcher(d).matches() || d.length() > 253) {
                throw new BadInputException("provider '" + id + "': invalid domain '" + domain + "'");
            }
            normalized.add(d);
        }
        domains = List.copyOf(new LinkedHashSet<>(normalized));
        boolean generic = GENERIC_ID.equals(id);
        if (!generic && (imap.isEmpty() || smtp.isEmpty())) {
            throw new BadInputException("provider '" + id + "' needs both an IMAP and an SMTP server");
        }
        if (issuedLength.isPresent() && (issuedLength.get() < 4 || issuedLength.get() > 128)) {
            throw new BadInputException("provider '" + id + "': issued length must be between 4 and 128");
        }
        if (passwordKind == PasswordKind.OAUTH_ONLY && generate.allowed()) {
            throw new BadInputException("provider '" + id + "' accepts no passwords, so it cannot allow --generate");
        }
        errorTexts = List.copyOf(errorTexts == null ? List.of() : errorTexts);
        EnumMap<Outcome, LocalizedText> copy = new EnumMap<>(Outcome.class);
        if (hints != null) {
            copy.putAll(hints);
        }
        if (copy.containsKey(Outcome.OK)) {
            throw new BadInputException("provider '" + id + "': there is no hint for OK");
        }
        hints = Map.copyOf(copy);
    }

    public boolean isGeneric() {
        return GENERIC_ID.equals(id);
    }

    public String name(Locale locale) {
        return names.get(locale);
    }

    public boolean oauthOnly() {
        return passwordKind == PasswordKind.OAUTH_ONLY;
    }

    /** What the verification classifier needs to know about this provider. */
    public ProviderRules rules() {
        List<ProviderRules.TextRule> rules = errorTexts.stream()
                .map(t -> new ProviderRules.TextRule(t.pattern(), t.outcome()))
                .toList();
        return new ProviderRules(rules, authFailureMeansAppPassword, oauthOnly());
    }

    /** The provider's advice for an outcome, if it has any. */
    public Optional<String> hint(Outcome outcome, Locale locale) {
        return Optional.ofNullable(hints.get(outcome)).map(h -> h.get(locale));
    }

    /** The advice attached to the first known error text that matches what the server said. */
    public Optional<String> hintForServerText(String serverText, Locale locale) {
        return errorTexts.stream()
                .filter(t -> t.hint().isPresent() && t.matches(serverText))
                .findFirst()
                .map(t -> t.hint().orElseThrow().get(locale));
    }

    /** The default login name for an address on IMAP, or empty when the provider issues one. */
    public Optional<String> imapLogin(Address address) {
        return imap.flatMap(s -> s.login().loginFor(address));
    }

    /** The default login name for an address on SMTP, or empty when the provider issues one. */
    public Optional<String> smtpLogin(Address address) {
        return smtp.flatMap(s -> s.login().loginFor(address));
    }

    /**
     * A sentence saying the server settings are not confirmed, with their source; empty for a
     * confirmed entry. Every output that shows or uses this entry's settings includes it.
     */
    public Optional<String> unconfirmedNotice(Locale locale) {
        if (confirmed) {
            return Optional.empty();
        }
        return Optional.of(ProviderTexts.text(locale, "unconfirmed", name(locale), verified.toString(), source));
    }

    /** How the login name is formed, in the given language (for example "the part before @"). */
    public static String loginFormDescription(LoginForm form, Locale locale) {
        return ProviderTexts.text(locale, "login." + form.id());
    }

    /** A short description of the password kind this provider wants, in the given language. */
    public String passwordKindDescription(Locale locale) {
        return ProviderTexts.text(locale, "password." + passwordKind.id());
    }
}
