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
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The top command: global options (accepted before or after the subcommand) and the one list of
 * subcommands. A new command is one class added to {@link #SUBCOMMANDS}.
 */
@Command(name = "vault", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class)
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

    @Spec
    private CommandSpec spec;

    private String lang;

    @Option(names = "--debug", scope = ScopeType.INHERIT)
    private boolean debug;

    @Option(names = "--vault", paramLabel = "FILE", scope = ScopeType.INHERIT)
    private Path vault;

    @Option(names = "--password-file", paramLabel = "FILE", scope = ScopeType.INHERIT)
    private Path passwordFile;

    @Option(names = "--password-stdin", scope = ScopeType.INHERIT)
    private boolean passwordStdin;

    public VaultCommand(CliContext context, Texts texts) {
        this.context = context;
        this.texts = texts;
    }

    /** Validated here; the language itself was chosen before parsing (see {@link VaultCli}). */
    @Option(names = "--lang", paramLabel = "ja|en", scope = ScopeType.INHERIT)
    void setLang(String value) {
        if (Lang.parse(value) == null) {
            throw new WordedParameterException(spec.commandLine(), texts.get("err.lang", value));
        }
        lang = value;
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
        return debug;
    }

    public String lang() {
        return lang;
    }

    public VaultService service() {
        return context.service();
    }

    /** {@code --vault}, else {@code $VAULT_FILE}, else the XDG data folder. */
    public Path vaultFile() {
        return (vault != null ? vault : VaultService.defaultVaultPath(context.env())).toAbsolutePath();
    }

    public MasterPassword masterPassword() {
        if (passwordFile != null && passwordStdin) {
            throw new UsageError(texts.get("err.twoPasswordSources"));
        }
        return new MasterPassword(context, texts, passwordFile, passwordStdin);
    }
}
