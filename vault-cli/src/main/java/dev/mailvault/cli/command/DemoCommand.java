package dev.mailvault.cli.command;

import dev.mailvault.cli.CliContext;
import dev.mailvault.cli.ExitCodes;
import dev.mailvault.cli.VaultCli;
import dev.mailvault.cli.VaultSubcommand;
import dev.mailvault.cli.input.Terminal;
import dev.mailvault.core.demo.Demo;
import dev.mailvault.core.demo.DemoStep;
import dev.mailvault.core.demo.DemoTexts;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code vault demo [--keep]}: a guided tour on an embedded mail server and a demo vault in a
 * temporary folder. Each step runs the real {@code vault} command in-process, over the demo vault,
 * so what it prints is what the command prints. Everything is removed at the end, and on Ctrl+C.
 */
@Command(name = "demo")
public final class DemoCommand extends VaultSubcommand {
    @Option(names = "--keep")
    private boolean keep;

    @Override
    public Integer call() {
        Locale locale = texts().locale();
        out().println(texts().get("msg.demo.starting"));
        out().flush();
        // like mktemp, $TMPDIR chooses where the demo's folder goes
        String tmp = context().env().get("TMPDIR");
        Path parent = tmp == null || tmp.isBlank() ? null : Path.of(tmp);
        Demo demo = Demo.start(parent, Clock.systemDefaultZone(), new SecureRandom());
        // Ctrl+C ends the JVM through its shutdown hooks: the demo must not outlive it
        Thread cleanup = new Thread(demo::close, "vault-demo-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            out().println(DemoTexts.introduction(demo, locale));
            for (DemoStep step : DemoStep.values()) {
                if (Thread.currentThread().isInterrupted()) {
                    break;
                }
                out().println();
                out().println(step.explanation(locale));
                step.prepare(demo);
                out().println(texts().get("msg.demo.command", String.join(" ", step.arguments(demo))));
                out().flush();
                int code = runStep(demo, step);
                out().println(texts().get("msg.demo.exit", code));
            }
            out().println();
            out().println(DemoTexts.conclusion(locale));
            if (keep) {
                out().println(texts().get(
                                "msg.demo.keep",
                                demo.vaultFile().toString(),
                                Demo.MASTER_PASSWORD,
                                String.valueOf(demo.server().imaps().port()),
                                String.valueOf(demo.server().smtps().port()),
                                demo.folder().toString()));
                out().flush();
                waitUntilInterrupted();
            }
        } finally {
            demo.close();
            forget(cleanup);
        }
        out().println(texts().get("msg.demo.removed", demo.folder().toString()));
        return ExitCodes.OK;
    }

    /** Runs the step's command in-process over the demo vault, as a user would type it. */
    private int runStep(Demo demo, DemoStep step) {
        List<String> arguments = step.arguments(demo);
        Map<String, String> env = new HashMap<>(context().env());
        env.put("VAULT_FILE", demo.vaultFile().toString());
        byte[] input = step.unlocks() ? (Demo.MASTER_PASSWORD + "\n").getBytes(StandardCharsets.UTF_8) : new byte[0];
        CliContext nested =
                new CliContext(new ByteArrayInputStream(input), out(), err(), Terminal.NONE, env, demo::service);
        List<String> argv = new ArrayList<>(List.of("--lang", texts().japanese() ? "ja" : "en"));
        if (step.unlocks()) {
            argv.add("--password-stdin");
        }
        if (root().debug()) {
            argv.add("--debug");
        }
        argv.addAll(arguments);
        return new VaultCli(nested).run(argv.toArray(new String[0]));
    }

    private static void waitUntilInterrupted() {
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void forget(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already exiting and runs the hook itself; the demo is closed either way
        }
    }
}
