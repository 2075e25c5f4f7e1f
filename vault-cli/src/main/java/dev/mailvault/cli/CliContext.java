package dev.mailvault.cli;

import dev.mailvault.cli.input.LineReader;
import dev.mailvault.cli.input.Terminal;
import dev.mailvault.core.VaultService;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What one run of the command talks to: standard input (one {@link LineReader} shared by every
 * reader, so the master password and account secrets come off the same stream in order), standard
 * output and error, the terminal, the environment, and the core service (made on first use, so
 * {@code --version} and {@code --help} never load it). Tests build one over their own streams.
 */
public final class CliContext {
    private final LineReader stdin;
    private final PrintWriter out;
    private final PrintWriter err;
    private final Terminal terminal;
    private final Map<String, String> env;
    private final Supplier<VaultService> serviceFactory;
    private VaultService service;

    public CliContext(
            InputStream stdin,
            PrintWriter out,
            PrintWriter err,
            Terminal terminal,
            Map<String, String> env,
            Supplier<VaultService> serviceFactory) {
        this.stdin = new LineReader(Objects.requireNonNull(stdin));
        this.out = Objects.requireNonNull(out);
        this.err = Objects.requireNonNull(err);
        this.terminal = Objects.requireNonNull(terminal);
        this.env = Map.copyOf(env);
        this.serviceFactory = Objects.requireNonNull(serviceFactory);
    }

    public LineReader stdin() {
        return stdin;
    }

    public PrintWriter out() {
        return out;
    }

    public PrintWriter err() {
        return err;
    }

    public Terminal terminal() {
        return terminal;
    }

    public Map<String, String> env() {
        return env;
    }

    public VaultService service() {
        if (service == null) {
            service = serviceFactory.get();
        }
        return service;
    }
}
