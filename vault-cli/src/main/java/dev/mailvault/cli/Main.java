package dev.mailvault.cli;

/** The {@code vault} command's entry point: real terminal, real standard streams, real environment. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        // picocli's default factory otherwise looks for Groovy's Closure class, which is not
        // there; a class that is not there is looked for in every jar on the class path, and
        // opening them all took ~40 ms of every start (bcprov alone has 6,227 entries)
        System.setProperty("picocli.disable.closures", "true");
        System.exit(VaultCli.system().run(args));
    }
}
