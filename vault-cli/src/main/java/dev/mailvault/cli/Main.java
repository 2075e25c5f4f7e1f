package dev.mailvault.cli;

/** The {@code vault} command's entry point: real terminal, real standard streams, real environment. */
public final class Main {
    /**
     * The built-in converters picocli must not set up (its {@code picocli.converters.excludes}): no
     * option of ours has one of these types, and looking them up loaded and initialised the
     * {@code java.sql} and {@code java.time} classes (their formatters and patterns) in every run.
     */
    static final String UNUSED_CONVERTERS = "java\\.sql\\..*,java\\.time\\..*";

    private Main() {}

    public static void main(String[] args) {
        // picocli's default factory otherwise looks for Groovy's Closure class, which is not
        // there; a class that is not there is looked for in every jar on the class path, and
        // opening them all took ~40 ms of every start (bcprov alone has 6,227 entries)
        System.setProperty("picocli.disable.closures", "true");
        System.setProperty("picocli.converters.excludes", UNUSED_CONVERTERS);
        System.exit(VaultCli.system().run(args));
    }
}
