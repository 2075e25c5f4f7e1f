package dev.mailvault.core.transfer;

import java.nio.file.Path;

/** What an export wrote: the file, its format, and how many accounts and credentials it holds. */
public record ExportResult(Path file, ExportFormat format, int accounts, int credentials) {}
