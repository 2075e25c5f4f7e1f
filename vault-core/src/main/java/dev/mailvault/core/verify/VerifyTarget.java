package dev.mailvault.core.verify;

import dev.mailvault.core.BadInputException;
import dev.mailvault.core.account.Endpoint;
import dev.mailvault.core.crypto.Secret;
import java.util.Objects;

/**
 * One login to try: protocol, server, login name and password, which certificates to accept, and
 * what the provider's servers are known to say. The password stays the caller's: checks read it but
 * never close it.
 */
public record VerifyTarget(
        Protocol protocol, Endpoint endpoint, String login, Secret password, TrustAnchors trust, ProviderRules rules) {

    public VerifyTarget {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(password, "password");
        if (login == null || login.isBlank()) {
            throw new BadInputException("a login name is required for " + protocol.id() + " at " + endpoint);
        }
        if (login.indexOf('\r') >= 0 || login.indexOf('\n') >= 0 || login.indexOf('\0') >= 0) {
            throw new BadInputException("a login name must not contain line breaks or NUL characters");
        }
        trust = trust == null ? TrustAnchors.system() : trust;
        rules = rules == null ? ProviderRules.NONE : rules;
    }
}
