package dev.mailvault.core.provider;

import dev.mailvault.core.BadInputException;
import dev.mailvault.core.NotFoundException;
import dev.mailvault.core.account.Address;
import dev.mailvault.core.provider.internal.CatalogJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The provider catalog: the entries built into Mail Vault ({@code providers.json} next to this
 * class), optionally merged with the user's own entries. Immutable; lookups are by e-mail domain,
 * a subdomain falling back to its parent domains and an unknown domain to the generic entry.
 */
public final class ProviderCatalog {
    static final String RESOURCE = "providers.json";
    /** Overrides files larger than this are refused: the catalog is a few kilobytes. */
    static final long MAX_FILE_BYTES = 1024 * 1024;

    private static final class BuiltIn {
        static final ProviderCatalog INSTANCE = load();

        private static ProviderCatalog load() {
            try (InputStream in = ProviderCatalog.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the built-in provider catalog is missing from the jar");
                }
                return new ProviderCatalog(CatalogJson.read(in.readAllBytes(), "built-in " + RESOURCE));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the built-in provider catalog", e);
            }
        }
    }

    private final Map<String, Provider> byId;
    private final Map<String, Provider> byDomain;

    private ProviderCatalog(List<Provider> providers) {
        Map<String, Provider> ids = new LinkedHashMap<>();
        Map<String, Provider> domains = new HashMap<>();
        for (Provider provider : providers) {
            if (ids.putIfAbsent(provider.id(), provider) != null) {
                throw new BadInputException("provider id '" + provider.id() + "' appears twice in the catalog");
            }
            for (String domain : provider.domains()) {
                Provider other = domains.putIfAbsent(domain, provider);
                if (other != null) {
                    throw new BadInputException(
                            "domain '" + domain + "' belongs to both '" + other.id() + "' and '" + provider.id() + "'");
                }
            }
        }
        if (!ids.containsKey(Provider.GENERIC_ID)) {
            throw new BadInputException("the catalog needs a '" + Provider.GENERIC_ID + "' entry");
        }
        this.byId = Collections.unmodifiableMap(ids);
        this.byDomain = Map.copyOf(domains);
    }

    /** The catalog shipped with Mail Vault, loaded once. */
    public static ProviderCatalog builtIn() {
        return BuiltIn.INSTANCE;
    }

    /**
     * This catalog with the entries of a user file merged in: an entry with a known id replaces
     * the built-in one; a new id is added; a domain claimed by a user entry moves to it. A missing
     * file changes nothing. A malformed file is a {@link BadInputException} naming the file.
     */
    public ProviderCatalog withOverrides(Path file) {
        Optional<List<Provider>> user = readFile(file);
        if (user.isEmpty() || user.get().isEmpty()) {
            return this;
        }
        Map<String, Provider> merged = new LinkedHashMap<>(byId);
        for (Provider provider : user.get()) {
            merged.put(provider.id(), provider);
        }
        // A domain claimed by a user entry is dropped from every other entry, so the user wins.
        Map<String, String> claimed = new HashMap<>();
        for (Provider provider : user.get()) {
            provider.domains().forEach(d -> claimed.put(d, provider.id()));
        }
        List<Provider> result = new ArrayList<>();
        for (Provider provider : merged.values()) {
            List<String> kept = provider.domains().stream()
                    .filter(d -> claimed.getOrDefault(d, provider.id()).equals(provider.id()))
                    .toList();
            result.add(
                    kept.size() == provider.domains().size() || provider.isGeneric()
                            ? provider
                            : withDomains(provider, kept));
        }
        return new ProviderCatalog(result);
    }

    /**
     * Where the CLI keeps the user's entries: {@code $XDG_CONFIG_HOME/mailvault/providers.json},
     * else {@code ~/.config/mailvault/providers.json}. A relative {@code XDG_CONFIG_HOME} is
     * ignored, as the XDG specification says.
     */
    public static Path overridesFile(Map<String, String> environment, Path home) {
        String xdg = environment.get("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : home.resolve(".config");
        return base.resolve("mailvault").resolve("providers.json");
    }

    /** The entry for an address's domain or a parent domain, else the generic entry. */
    public Provider lookup(Address address) {
        return find(address).orElse(generic());
    }

    /** The entry for an address's domain or a parent domain, without the generic fallback. */
    public Optional<Provider> find(Address address) {
        return findDomain(address.domain());
    }

    /** The entry for a mail domain (lower case) or a parent domain, without the generic fallback. */
    public Optional<Provider> findDomain(String domain) {
        while (true) {
            Provider provider = byDomain.get(domain);
            if (provider != null) {
                return Optional.of(provider);
            }
            int dot = domain.indexOf('.');
            // Stop before a single label: "ne.jp" or "jp" never name a provider.
            if (dot < 0 || domain.indexOf('.', dot + 1) < 0) {
                return Optional.empty();
            }
            domain = domain.substring(dot + 1);
        }
    }

    /**
     * The entry an account was stored with, else (generic, or an override removed since) the one
     * its domain maps to.
     */
    public Provider forAccount(String providerId, Address address) {
        if (providerId != null && !providerId.isBlank()) {
            Provider stored = byId.get(providerId.strip().toLowerCase(java.util.Locale.ROOT));
            if (stored != null && !stored.isGeneric()) {
                return stored;
            }
        }
        return lookup(address);
    }

    /** The entry with this id; {@link NotFoundException} lists the known ids when there is none. */
    public Provider byId(String id) {
        Provider provider = id == null ? null : byId.get(id.strip().toLowerCase(java.util.Locale.ROOT));
        if (provider == null) {
            throw new NotFoundException(
                    "unknown provider '" + id + "' (known: " + String.join(", ", byId.keySet()) + ")");
        }
        return provider;
    }

    public Provider generic() {
        return byId.get(Provider.GENERIC_ID);
    }

    /** Every entry, built-in ones first in catalog order, the generic entry among them. */
    public List<Provider> all() {
        return List.copyOf(byId.values());
    }

    /**
     * The whole catalog in the JSON form of {@code providers.json} (UTF-8), for {@code vault
     * providers --json}; an overrides file in this form is read back by {@link #withOverrides}.
     */
    public byte[] toJson() {
        return CatalogJson.write(all());
    }

    static Optional<List<Provider>> readFile(Path file) {
        try {
            byte[] bytes = readAtMostLimit(file);
            if (bytes.length > MAX_FILE_BYTES) {
                throw new BadInputException(file + ": larger than 1 MiB; a provider file is a few kilobytes");
            }
            return Optional.of(CatalogJson.read(bytes, file.toString()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw cannotRead(file, e);
        }
    }

    /**
     * A file the person named that the system will not let us read, with the system's reason: an
     * {@link AccessDeniedException}'s own message is only the file's name again.
     */
    static BadInputException cannotRead(Path file, IOException e) {
        return new BadInputException(file + ": cannot be read: " + readFailure(e), e);
    }

    /** The system's reason a file cannot be read, in English. */
    static String readFailure(IOException e) {
        return e instanceof AccessDeniedException
                ? "permission denied"
                : e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : e.getMessage();
    }

    /**
     * At most {@link #MAX_FILE_BYTES} + 1 bytes of {@code file}: enough to tell that it is too large
     * without reading more, also for a device or a pipe, which has no size to check first.
     */
    static byte[] readAtMostLimit(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(Math.toIntExact(MAX_FILE_BYTES + 1));
        }
    }

    private static Provider withDomains(Provider p, List<String> domains) {
        return new Provider(
                p.id(),
                p.names(),
                domains,
                p.imap(),
                p.smtp(),
                p.passwordKind(),
                p.issuedLength(),
                p.portal(),
                p.generate(),
                p.errorTexts(),
                p.authFailureMeansAppPassword(),
                p.hints(),
                p.verified(),
                p.source(),
                p.confirmed());
    }
}
