package dev.mailvault.cli;

import dev.mailvault.cli.input.SystemTerminal;
import dev.mailvault.core.VaultService;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import picocli.CommandLine;

/** Builds the command line for one run and executes it; tests use it over their own streams. */
public final class VaultCli {
    private final CliContext context;

    public VaultCli(CliContext context) {
        this.context = context;
    }

    public static VaultCli system() {
        return new VaultCli(new CliContext(
                System.in,
                writer(FileDescriptor.out),
                writer(FileDescriptor.err),
                new SystemTerminal(),
                System.getenv(),
                VaultService::system));
    }

    public int run(String... args) {
        // the language and --debug matter before parsing: for picocli's help and for parse errors
        Prescan early = Prescan.of(args);
        Texts texts = Texts.load(Lang.resolve(early.lang, context.env()));
        VaultCommand root = new VaultCommand(context, texts);
        CommandLine commandLine = new CommandLine(root);
        commandLine.setResourceBundle(texts.bundle());
        commandLine.setOut(context.out());
        commandLine.setErr(context.err());
        ErrorReporter reporter = new ErrorReporter(root, texts, early.debug);
        commandLine.setParameterExceptionHandler(reporter);
        commandLine.setExecutionExceptionHandler(reporter);
        commandLine.setExitCodeExceptionMapper(ExitCodes::of);
        try {
            return commandLine.execute(args);
        } finally {
            context.out().flush();
            context.err().flush();
        }
    }

    private static PrintWriter writer(FileDescriptor fd) {
        // UTF-8 regardless of the JVM's default, which on Java 17 follows a possibly unset locale
        Charset charset = StandardCharsets.UTF_8;
        return new PrintWriter(new OutputStreamWriter(new FileOutputStream(fd), charset), true);
    }

    /** {@code --lang} and {@code --debug} found before the end of options ({@code --}). */
    private record Prescan(String lang, boolean debug) {
        static Prescan of(String[] args) {
            String lang = null;
            boolean debug = false;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (arg.equals("--")) {
                    break;
                } else if (arg.equals("--debug")) {
                    debug = true;
                } else if (arg.equals("--lang") && i + 1 < args.length) {
                    lang = args[++i].toLowerCase(Locale.ROOT);
                } else if (arg.startsWith("--lang=")) {
                    lang = arg.substring("--lang=".length()).toLowerCase(Locale.ROOT);
                }
            }
            return new Prescan(lang, debug);
        }
    }
}
