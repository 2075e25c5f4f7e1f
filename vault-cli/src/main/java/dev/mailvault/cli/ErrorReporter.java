package dev.mailvault.cli;

import dev.mailvault.cli.input.LineReader;
import dev.mailvault.core.BadInputException;
import dev.mailvault.core.VaultUnavailableException;
import dev.mailvault.core.WrongMasterPasswordException;
import dev.mailvault.core.files.UnwritableFileException;
import java.io.PrintWriter;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns every failure into one line on standard error that says what went wrong and what to do,
 * in the user's language; a stack trace only with {@code --debug}. Messages of core exceptions
 * never hold a secret (core's contract); messages of anything else are not printed at all.
 */
final class ErrorReporter implements IParameterExceptionHandler, IExecutionExceptionHandler, IExitCodeExceptionMapper {
    private final VaultCommand root;
    private final Texts texts;
    private final boolean debug;

    ErrorReporter(VaultCommand root, Texts texts, boolean debug) {
        this.root = root;
        this.texts = texts;
        this.debug = debug;
    }

    /**
     * A class, not a lambda: picocli's interfaces are Java 5 class files, and the start-up archive
     * cannot hold one that a lambda links (it was then loaded from its jar on every start, after
     * the JVM had opened every jar before it on the class path).
     */
    @Override
    public int getExitCode(Throwable failure) {
        return ExitCodes.of(failure);
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        PrintWriter err = ex.getCommandLine().getErr();
        err.println(texts.get(
                "err.parse",
                describe(ex, args),
                ex.getCommandLine().getCommandSpec().qualifiedName()));
        if (debug) {
            ex.printStackTrace(err);
        }
        return ExitCodes.of(ex);
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        err.println(texts.get("err.prefix", describe(ex)));
        if (debug) {
            ex.printStackTrace(err);
        }
        return ExitCodes.of(ex);
    }

    private String describe(ParameterException ex, String[] argv) {
        if (ex instanceof WordedParameterException) {
            return ex.getMessage();
        }
        if (ex.getArgSpec() != null && ex.getValue() != null && passwordFlag(ex.getArgSpec())) {
            return texts.get("err.passwordFlagValue", name(ex.getArgSpec()));
        }
        if (ex instanceof CommandLine.UnmatchedArgumentException unmatched) {
            List<String> args = unmatched.getUnmatched();
            String first = args.isEmpty() ? "" : args.get(0);
            OptionSpec before = optionBefore(ex.getCommandLine(), argv, first);
            if (before != null && passwordFlag(before)) {
                return texts.get("err.afterPasswordFlag", name(before));
            }
            String message = unmatched.isUnknownOption()
                    ? texts.get("err.unknownOption", first)
                    : unknownCommand(ex.getCommandLine(), first)
                            ? texts.get("err.unknownCommand", first)
                            : texts.get("err.unexpectedArgument", first);
            List<String> suggestions = near(
                    first,
                    unmatched.isUnknownOption()
                            ? ex.getCommandLine().getCommandSpec().optionsMap().keySet()
                            : ex.getCommandLine().getSubcommands().keySet());
            return suggestions.isEmpty()
                    ? message
                    : texts.get("err.didYouMean", message, String.join(", ", suggestions));
        }
        if (ex instanceof CommandLine.MissingParameterException missing) {
            List<ArgSpec> specs = missing.getMissing();
            if (specs.size() == 1 && specs.get(0) instanceof OptionSpec option && given(option, argv)) {
                return texts.get("err.missingValue", name(option), option.paramLabel());
            }
            String names = specs.stream().map(ErrorReporter::name).collect(Collectors.joining(", "));
            return texts.get("err.missing", names);
        }
        if (ex.getArgSpec() != null && ex.getValue() != null) {
            return ex.getArgSpec().isOption()
                    ? texts.get("err.invalidValue", ex.getValue(), name(ex.getArgSpec()))
                    : texts.get("err.invalidArgument", ex.getValue(), name(ex.getArgSpec()));
        }
        String message = ex.getMessage() == null ? "" : ex.getMessage().strip();
        // picocli's own sentences end without a stop; the next sentence must not run into them
        return texts.get("err.usage", message.matches(".*[.!?。]$") ? message : message + ".");
    }

    /**
     * A flag (no value) named for a password: what follows it, attached or as the next word, may
     * be the password itself, typed out of habit, and is never repeated back.
     */
    private static boolean passwordFlag(ArgSpec spec) {
        return spec instanceof OptionSpec option
                && option.arity().max() == 0
                && option.longestName().contains("password");
    }

    /**
     * Whether {@code option} is on the command line (then it is missing its value, not itself):
     * picocli reports both as a missing parameter.
     */
    private static boolean given(OptionSpec option, String[] argv) {
        for (String arg : argv) {
            if (arg.equals("--")) {
                return false;
            }
            for (String name : option.names()) {
                if (arg.equals(name) || arg.startsWith(name + "=")) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The names a mistyped {@code word} most likely meant: those within one or two edits (a letter
     * added, dropped, changed, or two swapped), closest first. Picocli's own suggestions compare
     * letter pairs and offered "edit, audit" for "lsit"; this is the few lines of edit distance that
     * a library would bring with much more.
     */
    static List<String> near(String word, Collection<String> names) {
        if (word.length() < 3) {
            return List.of();
        }
        int limit = word.length() <= 4 ? 1 : 2;
        Map<String, Integer> distance = new HashMap<>();
        for (String name : names) {
            int d = edits(word.toLowerCase(Locale.ROOT), name.toLowerCase(Locale.ROOT));
            if (d > 0 && d <= limit) {
                distance.put(name, d);
            }
        }
        return distance.keySet().stream()
                .sorted(Comparator.comparing((String name) -> distance.get(name))
                        .thenComparing(name -> name))
                .toList();
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps. */
    private static int edits(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /** Whether {@code word} stands where a command of {@code commandLine} was expected, and is none. */
    private static boolean unknownCommand(CommandLine commandLine, String word) {
        Map<String, CommandLine> commands = commandLine.getSubcommands();
        return !commands.isEmpty() && !commands.containsKey(word);
    }

    /** The option of {@code commandLine} just before the first {@code word} in {@code argv}, if any. */
    private static OptionSpec optionBefore(CommandLine commandLine, String[] argv, String word) {
        for (int i = 1; i < argv.length; i++) {
            if (argv[i].equals(word)) {
                return commandLine.getCommandSpec().findOption(argv[i - 1]);
            }
        }
        return null;
    }

    private String describe(Exception ex) {
        if (ex instanceof UsageError) {
            return ex.getMessage();
        }
        if (ex instanceof LineReader.NotUtf8Exception) {
            return texts.get("err.notUtf8");
        }
        if (ex instanceof LineReader.LineTooLongException) {
            return texts.get("err.lineTooLong", LineReader.MAX_LINE_BYTES / 1024);
        }
        if (ex instanceof LineReader.UnreadableInputException unreadable) {
            return texts.get("err.inputUnreadable", unreadable.reason());
        }
        if (ex instanceof WrongMasterPasswordException) {
            return texts.get("err.wrongMaster");
        }
        if (ex instanceof VaultUnavailableException unavailable) {
            return texts.get("err.unavailable." + unavailable.reason().name(), root.vaultFile());
        }
        if (ex instanceof UnwritableFileException unwritable) {
            return texts.get("err.cannotWrite." + unwritable.why().name(), unwritable.file(), unwritable.detail());
        }
        if (ex instanceof BadInputException) {
            return texts.get("err.badInput", ex.getMessage());
        }
        return texts.get("err.internal", ex.getClass().getName());
    }

    private static String name(ArgSpec spec) {
        if (spec instanceof OptionSpec option) {
            return option.longestName();
        }
        return spec.paramLabel();
    }
}
