package dev.mailvault.cli.command;

import picocli.CommandLine.Option;

/** {@code --json}: machine-readable output (docs/cli.md lists the shapes). */
public final class JsonOption {
    @Option(names = "--json")
    boolean json;
}
