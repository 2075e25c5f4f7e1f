package dev.mailvault.cli;

import dev.mailvault.cli.input.SystemTerminal;
import dev.mailvault.core.VaultService;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Builds the command line for one run and executes it; tests use it over their own streams. */
public final class VaultCli {
    private final CliContext context;

    public VaultCli(CliContext context) {
        this.context = context;
    }

    public static VaultCli system() {
        return new VaultCli(new CliContext(
                // the file descriptor itself: System.in's buffer would keep the master password
                // and every secret read after it for the life of the process, out of reach of a wipe
                new FileInputStream(FileDescriptor.in),
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
        CommandLine commandLine = new CommandLine(root.spec());
        for (Class<? extends VaultSubcommand> subcommand : early.subcommands()) {
            commandLine.addSubcommand(subcommand);
        }
        commandLine.setResourceBundle(texts.bundle());
        commandLine.setOut(context.out());
        commandLine.setErr(context.err());
        ErrorReporter reporter = new ErrorReporter(root, texts, early.debug);
        commandLine.setParameterExceptionHandler(reporter);
        commandLine.setExecutionExceptionHandler(reporter);
        commandLine.setExitCodeExceptionMapper(reporter);
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

    /**
     * {@code --lang} and {@code --debug} found before the end of options ({@code --}), and the
     * subcommands this run needs: the one named, none for a plain {@code --version}, and all of
     * them for the root's help, completion, a bare {@code vault} or a word that is no command (so that
     * picocli's listing and its "did you mean" are the same as ever).
     */
    private record Prescan(String lang, boolean debug, List<Class<? extends VaultSubcommand>> subcommands) {
        /** The root's options that take a value, which must not be mistaken for the command. */
        private static final Set<String> VALUED = Set.of("--lang", "--vault", "--password-file");

        static Prescan of(String[] args) {
            String lang = null;
            boolean debug = false;
            boolean version = false;
            boolean help = false;
            String command = null;
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
                } else if (arg.equals("-V") || arg.equals("--version")) {
                    version = command == null;
                } else if (command == null && (arg.equals("-h") || arg.equals("--help"))) {
                    help = true; // the root's help lists every command, whatever follows
                } else if (VALUED.contains(arg)) {
                    i++;
                } else if (command == null && !arg.startsWith("-")) {
                    command = arg;
                }
            }
            return new Prescan(lang, debug, help ? VaultCommand.SUBCOMMANDS : needed(command, version));
        }

        private static List<Class<? extends VaultSubcommand>> needed(String command, boolean version) {
            if (command == null) {
                return version ? List.of() : VaultCommand.SUBCOMMANDS;
            }
            for (Class<? extends VaultSubcommand> subcommand : VaultCommand.SUBCOMMANDS) {
                Command annotation = subcommand.getAnnotation(Command.class);
                if (annotation.name().equals(command)) {
                    return annotation.name().equals("completion") ? VaultCommand.SUBCOMMANDS : List.of(subcommand);
                }
            }
            return VaultCommand.SUBCOMMANDS;
        }
    }
}
