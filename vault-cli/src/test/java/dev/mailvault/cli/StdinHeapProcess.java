package dev.mailvault.cli;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.InputStream;

/**
 * The child JVM of {@link StdinHeapTest}: runs {@code vault --vault FILE --password-stdin list} as
 * the command does ({@link VaultCli#system()}, the process's real standard streams), prints {@code
 * locked} and waits, so that the test can dump its heap while the master password's line is no
 * longer needed. It waits by reading the file descriptor itself, not {@code System.in}, which would
 * buffer whatever the test writes.
 */
public final class StdinHeapProcess {
    private StdinHeapProcess() {}

    public static void main(String[] args) throws Exception {
        int code = VaultCli.system().run("--vault", args[0], "--password-stdin", "list");
        System.out.println("locked " + code);
        System.out.flush();
        InputStream stdin = new FileInputStream(FileDescriptor.in);
        while (stdin.read() != -1) {
            // until the test closes our standard input
        }
    }
}
