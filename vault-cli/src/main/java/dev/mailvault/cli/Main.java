package dev.mailvault.cli;

/** The {@code vault} command's entry point: real terminal, real standard streams, real environment. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(VaultCli.system().run(args));
    }
}
