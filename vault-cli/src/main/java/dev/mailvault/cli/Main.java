package dev.mailvault.cli;

/** The {@code vault} command's entry point: real terminal, real standard streams, real environment. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        // sqlite-jdbc logs through SLF4J; without a provider SLF4J warns on every run
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            System.setProperty("slf4j.internal.verbosity", "ERROR");
        }
        System.exit(VaultCli.system().run(args));
    }
}
