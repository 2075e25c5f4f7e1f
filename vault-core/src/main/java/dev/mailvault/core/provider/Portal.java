package dev.mailvault.core.provider;

import dev.mailvault.core.BadInputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Where a user issues or resets the mail password: the portal's name, its https address, and the
 * steps to follow there, in both languages.
 */
public record Portal(LocalizedText name, URI url, List<LocalizedText> steps) {
    public Portal {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        if (!"https".equalsIgnoreCase(url.getScheme()) || url.getHost() == null) {
            throw new BadInputException("a portal address must be an https URL, was '" + url + "'");
        }
        steps = List.copyOf(steps);
    }

    public static URI httpsUrl(String text) {
        try {
            URI uri = new URI(text == null ? "" : text.strip());
            if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
                throw new BadInputException("a portal address must be an https URL, was '" + text + "'");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new BadInputException("a portal address must be an https URL, was '" + text + "'", e);
        }
    }

    public List<String> steps(Locale locale) {
        return steps.stream().map(s -> s.get(locale)).toList();
    }
}
