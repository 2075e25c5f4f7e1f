package dev.mailvault.cli.command;

import dev.mailvault.core.devices.DeviceType;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/** The values `vault completion` offers after the options that take one of a few words. */
final class Completions {
    private Completions() {}

    /** {@code --kind}: an app password is {@code app:LABEL}, so {@code app:} starts one. */
    static final class Kinds implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("imap", "smtp", "portal", "app:").iterator();
        }
    }

    /** {@code device add --type}. */
    static final class DeviceTypes implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(DeviceType.values()).map(DeviceType::id).iterator();
        }
    }

    /** {@code import --format}. */
    static final class ImportFormats implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("keepassxc-csv", "bitwarden-json", "thunderbird").iterator();
        }
    }

    /** {@code export --format}. */
    static final class ExportFormats implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("backup", "keepassxc-csv").iterator();
        }
    }
}
