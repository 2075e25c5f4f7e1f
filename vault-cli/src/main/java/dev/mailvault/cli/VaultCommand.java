package dev.mailvault.cli;

import dev.mailvault.cli.command.AddCommand;
import dev.mailvault.cli.command.AuditCommand;
import dev.mailvault.cli.command.CompletionCommand;
import dev.mailvault.cli.command.DemoCommand;
import dev.mailvault.cli.command.DeviceCommand;
import dev.mailvault.cli.command.DevicesCommand;
import dev.mailvault.cli.command.DoctorCommand;
import dev.mailvault.cli.command.EditCommand;
import dev.mailvault.cli.command.ExportCommand;
import dev.mailvault.cli.command.GetCommand;
import dev.mailvault.cli.command.ImportCommand;
import dev.mailvault.cli.command.InitCommand;
import dev.mailvault.cli.command.ListCommand;
import dev.mailvault.cli.command.PasswdCommand;
import dev.mailvault.cli.command.PinCommand;
import dev.mailvault.cli.command.ProvidersCommand;
import dev.mailvault.cli.command.RemindCommand;
import dev.mailvault.cli.command.RemoveCommand;
import dev.mailvault.cli.command.RotateCommand;
import dev.mailvault.cli.command.ShowCommand;
import dev.mailvault.cli.command.UiCommand;
import dev.mailvault.cli.command.VerifyCommand;
import dev.mailvault.cli.input.MasterPassword;
import dev.mailvault.core.VaultService;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ScopeType;

/**
 * The top command: global options (accepted before or after the subcommand) and the one list of
 * subcommands. A new command is one class added to {@link #SUBCOMMANDS}.
 *
 * <p>Unlike the subcommands, its model is built through picocli's programmatic API, not from
 * annotations: the first annotation read makes the JVM generate a proxy class for each annotation
 * type, which no class-data-sharing archive of Java 17 can hold, and that was about a quarter of
 * {@code vault --version}. The options and texts are the same as an annotated root with
 * {@code mixinStandardHelpOptions} (the same resource-bundle keys).
 */
public final class VaultCommand implements Callable<Integer> {
    /**
     * Every subcommand, in the order help lists them. Not in the {@code @Command} annotation: a run
     * builds the model of the one it runs only (see {@link VaultCli}), because picocli's reflection
     * over all of them was a third of the start-up time.
     */
    public static final List<Class<? extends VaultSubcommand>> SUBCOMMANDS = List.of(
            InitCommand.class,
            AddCommand.class,
            ListCommand.class,
            ShowCommand.class,
            GetCommand.class,
            EditCommand.class,
            RemoveCommand.class,
            PasswdCommand.class,
            AuditCommand.class,
            CompletionCommand.class,
            DemoCommand.class,
            VerifyCommand.class,
            RotateCommand.class,
            PinCommand.class,
            DoctorCommand.class,
            DevicesCommand.class,
            DeviceCommand.class,
            RemindCommand.class,
            ProvidersCommand.class,
            ImportCommand.class,
            ExportCommand.class,
            UiCommand.class);

    private final CliContext context;
    private final Texts texts;
    private final CommandSpec spec;
    private final OptionSpec debug = inherited("--debug", null, boolean.class).build();
    private final OptionSpec vault = inherited("--vault", "FILE", Path.class).build();
    private final OptionSpec passwordFile =
            inherited("--password-file", "FILE", Path.class).build();
    private final OptionSpec passwordStdin =
            inherited("--password-stdin", null, boolean.class).build();

    public VaultCommand(CliContext context, Texts texts) {
        this.context = context;
        this.texts = texts;
        LangCheck lang = new LangCheck();
        spec = CommandSpec.wrapWithoutInspection(this)
                .name("vault")
                .versionProvider(new VersionProvider())
                .addOption(OptionSpec.builder("-h", "--help")
                        .usageHelp(true)
                        .descriptionKey("mixinStandardHelpOptions.help")
                        .build())
                .addOption(OptionSpec.builder("-V", "--version")
                        .versionHelp(true)
                        .descriptionKey("mixinStandardHelpOptions.version")
                        .build())
                .addOption(debug)
                .addOption(vault)
                .addOption(passwordFile)
                .addOption(passwordStdin)
                .addOption(inherited("--lang", "ja|en", String.class)
                        .completionCandidates(List.of("ja", "en"))
                        .getter(lang)
                        .setter(lang)
                        .hasInitialValue(false) // nothing to reset: unset is null, and null is no language
                        .build());
    }

    /** The model to give picocli; subcommands are added to it by class. */
    public CommandSpec spec() {
        return spec;
    }

    private static OptionSpec.Builder inherited(String name, String paramLabel, Class<?> type) {
        OptionSpec.Builder option = OptionSpec.builder(name).type(type).scopeType(ScopeType.INHERIT);
        return paramLabel == null ? option : option.paramLabel(paramLabel);
    }

    /** {@code --lang}, validated when parsed; the language itself was chosen before (see {@link VaultCli}). */
    private final class LangCheck implements IGetter, ISetter {
        private String value;

        @Override
        @SuppressWarnings("unchecked")
        public <T> T get() {
            return (T) value;
        }

        @Override
        public <T> T set(T newValue) {
            String text = (String) newValue;
            if (Lang.parse(text) == null) {
                throw new WordedParameterException(spec.commandLine(), texts.get("err.lang", text));
            }
            T previous = get();
            value = text;
            return previous;
        }
    }

    @Override
    public Integer call() {
        // a bare "vault" is a usage error: show what there is to do
        spec.commandLine().usage(context.err());
        return ExitCodes.USAGE;
    }

    public CliContext context() {
        return context;
    }

    public Texts texts() {
        return texts;
    }

    public boolean debug() {
        return Boolean.TRUE.equals(debug.getValue());
    }

    public VaultService service() {
        return context.service();
    }

    /** {@code --vault}, else {@code $VAULT_FILE}, else the XDG data folder. */
    public Path vaultFile() {
        Path file = vault.getValue();
        return (file != null ? file : VaultService.defaultVaultPath(context.env())).toAbsolutePath();
    }

    public MasterPassword masterPassword() {
        Path file = passwordFile.getValue();
        boolean stdin = Boolean.TRUE.equals(passwordStdin.getValue());
        if (file != null && stdin) {
            throw new UsageError(texts.get("err.twoPasswordSources"));
        }
        return new MasterPassword(context, texts, file, stdin);
    }
}
