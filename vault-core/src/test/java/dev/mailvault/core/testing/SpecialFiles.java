package dev.mailvault.core.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/** Files that are not regular files, made in a test's own temporary folder (never a real device). */
public final class SpecialFiles {
    private SpecialFiles() {}

    /** A FIFO at {@code path}, made with {@code mkfifo}; the test is skipped where there is none. */
    public static Path fifo(Path path) {
        try {
            Process mkfifo = new ProcessBuilder("mkfifo", path.toString())
                    .redirectErrorStream(true)
                    .start();
            assumeTrue(mkfifo.waitFor() == 0, "mkfifo failed");
        } catch (IOException e) {
            assumeTrue(false, "no mkfifo: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            assumeTrue(false, "interrupted");
        }
        assumeTrue(Files.exists(path, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(path));
        return path;
    }

    /** Whether {@code path} is still there and still not a regular file or a link. */
    public static boolean isStillSpecial(Path path) {
        return Files.exists(path, LinkOption.NOFOLLOW_LINKS)
                && !Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)
                && !Files.isSymbolicLink(path)
                && !Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * Writes zeros into {@code fifo} from another thread until the reader closes it or {@code
     * limit} bytes have gone, like {@code <(yes)}: an input with no size and no end in sight. Closing
     * the result waits for the writer (a daemon, left waiting if nothing ever opened the FIFO).
     */
    public static AutoCloseable feed(Path fifo, long limit) {
        Thread writer = new Thread(
                () -> {
                    byte[] zeros = new byte[64 * 1024];
                    try (OutputStream out = Files.newOutputStream(fifo)) {
                        for (long sent = 0; sent < limit; sent += zeros.length) {
                            out.write(zeros);
                        }
                    } catch (IOException readerClosed) {
                        // a broken pipe: the reader has read enough
                    }
                },
                "feed " + fifo.getFileName());
        writer.setDaemon(true);
        writer.start();
        return () -> writer.join(10_000);
    }
}
