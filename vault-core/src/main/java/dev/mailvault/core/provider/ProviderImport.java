package dev.mailvault.core.provider;

import dev.mailvault.core.files.AtomicFiles;
import dev.mailvault.core.provider.AutoconfigRefusedException.Reason;
import dev.mailvault.core.provider.internal.AutoconfigReader;
import dev.mailvault.core.provider.internal.CatalogJson;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adds providers from Thunderbird autoconfig (ISPDB) files to the user's overrides file. An
 * imported entry is always marked unconfirmed, with the file as its source. On any error nothing is
 * written.
 */
public final class ProviderImport {
    private ProviderImport() {}

    /**
     * Reads a {@code clientConfig} file into a catalog entry dated today. Throws {@link
     * AutoconfigRefusedException} for a file that is not a usable autoconfig file: malformed XML (with the
     * line), a DTD, the wrong root element, no IMAP or SMTP server, or only plain-text servers.
     */
    public static Provider fromAutoconfig(Path xml, Clock clock) {
        byte[] bytes;
        try {
            bytes = ProviderCatalog.readAtMostLimit(xml);
        } catch (NoSuchFileException e) {
            throw AutoconfigRefusedException.of(Reason.NO_FILE, xml.toString());
        } catch (AccessDeniedException e) {
            throw AutoconfigRefusedException.caused(e, Reason.PERMISSION_DENIED, xml.toString());
        } catch (IOException e) {
            throw AutoconfigRefusedException.caused(
                    e, Reason.CANNOT_READ, xml.toString(), ProviderCatalog.readFailure(e));
        }
        if (bytes.length > ProviderCatalog.MAX_FILE_BYTES) {
            throw AutoconfigRefusedException.of(Reason.TOO_LARGE, xml.toString());
        }
        return fromAutoconfig(bytes, xml.toString(), LocalDate.now(clock));
    }

    /** Like {@link #fromAutoconfig(Path, Clock)} for a document already in memory. */
    public static Provider fromAutoconfig(byte[] xml, String origin, LocalDate today) {
        return AutoconfigReader.read(xml, origin, today);
    }

    /**
     * The domains of {@code imported} that another entry of {@code before} (the catalog as it was)
     * served, each with that entry. Once imported, addresses at these domains get the imported
     * entry's servers, and so their passwords go there: a file from anywhere can name any domain, so
     * the person importing it must hear of this.
     */
    public static Map<String, Provider> takenOver(ProviderCatalog before, Provider imported) {
        Map<String, Provider> taken = new LinkedHashMap<>();
        for (String domain : imported.domains()) {
            before.findDomain(domain)
                    .filter(previous -> !previous.id().equals(imported.id()))
                    .ifPresent(previous -> taken.put(domain, previous));
        }
        return taken;
    }

    /**
     * A built-in provider that an imported entry displaces: the whole entry when the ids are the same
     * ({@code replacesEntry}, with all the built-in's domains; none for the generic entry), else the
     * domains of the built-in (a parent domain included) that the imported entry lists.
     */
    public record BuiltInTakeover(Provider builtIn, boolean replacesEntry, List<String> domains) {
        public BuiltInTakeover {
            domains = List.copyOf(domains);
        }
    }

    /**
     * The built-in providers {@code imported} displaces, in catalog order. Unlike {@link #takenOver}
     * this does not depend on what the user imported before: importing the same file again still
     * points a carrier's accounts elsewhere, and must say so again.
     */
    public static List<BuiltInTakeover> builtInTakenOver(Provider imported) {
        ProviderCatalog builtIn = ProviderCatalog.builtIn();
        List<BuiltInTakeover> taken = new ArrayList<>();
        // The generic entry has no domains, but replacing it gives its servers to every domain no other entry serves.
        for (Provider provider : builtIn.all()) {
            boolean replaces = provider.id().equals(imported.id());
            List<String> domains = replaces
                    ? provider.domains()
                    : imported.domains().stream()
                            .filter(d -> builtIn.findDomain(d)
                                    .filter(provider::equals)
                                    .isPresent())
                            .toList();
            if (replaces || !domains.isEmpty()) {
                taken.add(new BuiltInTakeover(provider, replaces, domains));
            }
        }
        return taken;
    }

    /**
     * What {@code vault providers import FILE.xml} does: reads the autoconfig file and adds its
     * entry to the overrides file. On any error nothing is written.
     */
    public static Provider importInto(Path xml, Path overridesFile, Clock clock) {
        Provider provider = fromAutoconfig(xml, clock);
        saveOverride(provider, overridesFile);
        return provider;
    }

    /**
     * Adds {@code provider} to the overrides file, replacing an entry with the same id, in one atomic
     * replace. A malformed existing file is refused (and left as it is).
     */
    public static void saveOverride(Provider provider, Path overridesFile) {
        List<Provider> entries =
                new ArrayList<>(ProviderCatalog.readFile(overridesFile).orElse(List.of()));
        entries.removeIf(p -> p.id().equals(provider.id()));
        entries.add(provider);
        byte[] json = CatalogJson.write(entries);
        // Check the result reads back before it replaces anything.
        CatalogJson.read(json, overridesFile.toString());
        try {
            Files.createDirectories(overridesFile.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw AtomicFiles.cannotWrite(overridesFile, e);
        }
        AtomicFiles.write(overridesFile, json, PosixFilePermissions.fromString("rw-------"));
    }
}
