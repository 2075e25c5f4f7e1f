package dev.mailvault.ui.common;

import dev.mailvault.core.account.Address;
import dev.mailvault.core.provider.ProviderCatalog;
import java.util.Locale;

/** A provider's name in the user's language. */
public final class ProviderNames {
    private ProviderNames() {}

    /** The entry the account is stored with, else the one for its domain (as verify and doctor use). */
    public static String of(ProviderCatalog catalog, String providerId, Address address, Locale locale) {
        return catalog.forAccount(providerId, address).name(locale);
    }
}
