package dev.mailvault.cli.output;

import java.io.PrintWriter;
import java.util.function.BiFunction;

/**
 * One line on standard error that counts finished steps, redrawn in place with {@code \r}. Only
 * for a person watching a terminal: a script's log gets none of it. Calls may come from worker
 * threads; they are serialized here.
 */
public final class ProgressLine {
    private final PrintWriter err;
    private final BiFunction<Integer, Integer, String> text;
    private int total;
    private int done;
    private int drawnWidth;

    /** {@code text} words the line from (done, total). */
    public ProgressLine(PrintWriter err, BiFunction<Integer, Integer, String> text) {
        this.err = err;
        this.text = text;
    }

    public synchronized void start(int steps) {
        total = steps;
        done = 0;
        if (total > 0) {
            draw();
        }
    }

    public synchronized void advance() {
        done = Math.min(total, done + 1);
        draw();
    }

    /** Clears the line so that what follows starts at the left edge of an empty line. */
    public synchronized void finish() {
        if (drawnWidth > 0) {
            err.print("\r" + " ".repeat(drawnWidth) + "\r");
            err.flush();
            drawnWidth = 0;
        }
    }

    private void draw() {
        String line = text.apply(done, total);
        int width = Table.width(line);
        // pad over a longer earlier line, so no tail of it stays visible
        err.print("\r" + line + " ".repeat(Math.max(0, drawnWidth - width)));
        err.flush();
        drawnWidth = Math.max(width, drawnWidth);
    }
}
