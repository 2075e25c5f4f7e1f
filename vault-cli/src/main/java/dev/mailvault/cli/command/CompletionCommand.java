package dev.mailvault.cli.command;

import dev.mailvault.cli.ExitCodes;
import dev.mailvault.cli.VaultSubcommand;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code vault completion bash|zsh}: prints a completion script to source from the shell's rc file. */
@Command(name = "completion")
public final class CompletionCommand extends VaultSubcommand {
    /** The shells there is a script for. */
    enum Shell {
        bash,
        zsh
    }

    @Parameters(index = "0", paramLabel = "bash|zsh", descriptionKey = "param.shell")
    private Shell shell;

    @Override
    public Integer call() {
        String script = AutoComplete.bash("vault", spec.root().commandLine());
        if (shell == Shell.zsh) {
            // picocli's script is bash; zsh runs it through its bash-completion emulation
            out().println("autoload -U +X compinit && compinit");
            out().println("autoload -U +X bashcompinit && bashcompinit");
        }
        out().print(script);
        out().flush();
        return ExitCodes.OK;
    }
}
