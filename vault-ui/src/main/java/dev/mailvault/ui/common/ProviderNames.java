package dev.mailvault.ui.common;

import dev.mailvault.core.NotFoundException;
import dev.mailvault.core.provider.ProviderCatalog;
import java.util.Locale;

/** A provider's name in the user's language; an id the catalog no longer has is shown as it is. */
public final class ProviderNames {
    private ProviderNames() {}

    public static String of(ProviderCatalog catalog, String providerId, Locale locale) {
        try {
            return catalog.byId(providerId).name(locale);
        } catch (NotFoundException e) {
            return providerId;
        }
    }
}
