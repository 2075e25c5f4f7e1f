package dev.mailvault.ui.accounts;

import dev.mailvault.core.BadInputException;
import dev.mailvault.core.NotFoundException;
import dev.mailvault.core.account.Address;
import dev.mailvault.core.provider.Provider;
import dev.mailvault.core.provider.ProviderCatalog;
import dev.mailvault.core.provider.ServerSettings;
import dev.mailvault.ui.common.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.TextField;
import javafx.util.StringConverter;

/**
 * Fills the account form from the provider catalog: the provider found for the address's domain,
 * its servers and login names, and a note on which password the provider wants. A field the user
 * typed into is never overwritten; one that still holds an earlier suggestion is.
 */
final class ProviderAutofill {
    private final ProviderCatalog catalog;
    private final Texts texts;
    private final AccountFormView view;
    private final List<Suggested> suggested = new ArrayList<>();
    private boolean filling;
    private Optional<Address> address = Optional.empty();

    /** A field and the last value this put there. */
    private record Suggested(TextField field, String[] value) {}

    ProviderAutofill(ProviderCatalog catalog, Texts texts, AccountFormView view) {
        this.catalog = catalog;
        this.texts = texts;
        this.view = view;
        view.provider.getItems().setAll(catalog.all());
        view.provider.setConverter(new StringConverter<>() {
            @Override
            public String toString(Provider provider) {
                return provider == null ? "" : provider.name(texts.locale());
            }

            @Override
            public Provider fromString(String text) {
                throw new UnsupportedOperationException("the provider list is not editable");
            }
        });
        for (TextField field : List.of(view.imap, view.smtp, view.login, view.smtpLogin)) {
            suggested.add(new Suggested(field, new String[] {""}));
        }
        view.provider.valueProperty().addListener((obs, old, provider) -> {
            if (!filling && provider != null) {
                fill(provider);
            }
        });
    }

    /** The address was entered: look its domain up and fill what the user left alone. */
    void fromAddress(String text) {
        try {
            address = Optional.of(Address.of(text));
        } catch (BadInputException e) {
            address = Optional.empty();
            return;
        }
        choose(catalog.lookup(address.get()));
    }

    void choose(Provider provider) {
        filling = true;
        try {
            view.provider.setValue(provider);
        } finally {
            filling = false;
        }
        fill(provider);
    }

    /** Editing: shows the stored provider without touching the stored servers. */
    void show(String providerId, Address stored) {
        address = Optional.of(stored);
        Provider provider;
        try {
            provider = catalog.byId(providerId);
        } catch (NotFoundException e) {
            provider = catalog.lookup(stored);
        }
        filling = true;
        try {
            view.provider.setValue(provider);
        } finally {
            filling = false;
        }
        describe(provider);
    }

    private void fill(Provider provider) {
        suggest(
                view.imap,
                provider.imap()
                        .map(ServerSettings::endpoint)
                        .map(Object::toString)
                        .orElse(""));
        suggest(
                view.smtp,
                provider.smtp()
                        .map(ServerSettings::endpoint)
                        .map(Object::toString)
                        .orElse(""));
        String imapLogin = address.flatMap(provider::imapLogin).orElse("");
        String smtpLogin = address.flatMap(provider::smtpLogin).orElse("");
        // the address itself is the default login: leave the field empty then
        suggest(
                view.login,
                address.map(a -> a.value().equals(imapLogin) ? "" : imapLogin).orElse(""));
        suggest(view.smtpLogin, smtpLogin.equals(imapLogin) ? "" : smtpLogin);
        describe(provider);
    }

    private void describe(Provider provider) {
        List<String> lines = new ArrayList<>();
        if (!provider.isGeneric()) {
            lines.add(texts.get("form.providerWants", provider.passwordKindDescription(texts.locale())));
        }
        if (address.isPresent()
                && provider.imap().isPresent()
                && provider.imapLogin(address.get()).isEmpty()) {
            lines.add(texts.get(
                    "form.loginIssued",
                    Provider.loginFormDescription(provider.imap().get().login(), texts.locale())));
        }
        provider.unconfirmedNotice(texts.locale()).ifPresent(lines::add);
        view.providerNote.setText(String.join("\n", lines));
    }

    private void suggest(TextField field, String value) {
        Suggested s =
                suggested.stream().filter(x -> x.field() == field).findFirst().orElseThrow();
        String now = field.getText() == null ? "" : field.getText();
        if (now.isEmpty() || now.equals(s.value()[0])) {
            field.setText(value);
            s.value()[0] = value;
        }
    }
}
