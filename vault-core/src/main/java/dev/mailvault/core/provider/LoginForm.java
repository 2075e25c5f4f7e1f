package dev.mailvault.core.provider;

import dev.mailvault.core.BadInputException;
import dev.mailvault.core.account.Address;
import java.util.Locale;
import java.util.Optional;

/** What a server expects as the login name. */
public enum LoginForm {
    /** The whole address, {@code name@example.com}. */
    ADDRESS("address"),
    /** The part before the {@code @}. */
    LOCAL_PART("local-part"),
    /** An ID the provider issues that cannot be derived from the address (docomo's IMAP ID). */
    PROVIDER_ID("provider-id");

    private final String id;

    LoginForm(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The login name for an address, or empty when the provider issues it separately. */
    public Optional<String> loginFor(Address address) {
        return switch (this) {
            case ADDRESS -> Optional.of(address.value());
            case LOCAL_PART -> Optional.of(address.localPart());
            case PROVIDER_ID -> Optional.empty();
        };
    }

    public static LoginForm parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (LoginForm form : values()) {
            if (form.id.equals(t)) {
                return form;
            }
        }
        throw new BadInputException("unknown login form '" + text + "' (allowed: address, local-part, provider-id)");
    }
}
