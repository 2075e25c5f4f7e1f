package dev.mailvault.core.doctor;

import dev.mailvault.core.account.CredentialRef;
import dev.mailvault.core.verify.Protocol;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One thing {@code vault doctor} found, with the credential or protocol it concerns. Its text is
 * rendered on demand in Japanese or English from the doctor's resource bundle; it never contains a
 * secret, only names, hosts, dates and the provider's own advice.
 */
public final class Finding {
    private final FindingCode code;
    private final Optional<CredentialRef> credential;
    private final Optional<Protocol> protocol;
    private final List<Object> args;

    Finding(FindingCode code, Optional<CredentialRef> credential, Optional<Protocol> protocol, List<Object> args) {
        this.code = Objects.requireNonNull(code);
        this.credential = credential;
        this.protocol = protocol;
        this.args = List.copyOf(args);
    }

    public FindingCode code() {
        return code;
    }

    public Severity severity() {
        return code.severity();
    }

    /** The credential the finding is about, if it is about one. */
    public Optional<CredentialRef> credential() {
        return credential;
    }

    /** The protocol whose check the finding explains, if it explains one. */
    public Optional<Protocol> protocol() {
        return protocol;
    }

    /** The finding in words: Japanese for a Japanese locale, English otherwise. */
    public String text(Locale locale) {
        return DoctorTexts.render(locale, "finding." + code.name(), args);
    }

    @Override
    public String toString() {
        return code
                + credential.map(c -> "[" + c + "]").orElse("")
                + protocol.map(p -> "[" + p.id() + "]").orElse("");
    }
}
