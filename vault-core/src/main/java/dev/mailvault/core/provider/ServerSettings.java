package dev.mailvault.core.provider;

import dev.mailvault.core.account.Endpoint;
import java.util.Objects;

/** One mail server of a provider: where it is and what login name it wants. */
public record ServerSettings(Endpoint endpoint, LoginForm login) {
    public ServerSettings {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(login, "login");
    }
}
