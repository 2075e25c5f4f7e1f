package dev.mailvault.cli.output;

import dev.mailvault.core.PrintableText;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A plain text table whose columns line up also with Japanese text (wide characters count two). A
 * row may end in a tail that writes itself straight to the output, so a revealed secret goes from
 * its {@code char[]} to the stream without ever being a cell (a String).
 */
public final class Table {
    private record Row(String[] cells, Consumer<PrintWriter> tail) {}

    private final List<Row> rows = new ArrayList<>();
    private final int columns;
    private String indent = "";

    public Table(String... headers) {
        this.columns = headers.length;
        rows.add(new Row(headers, null));
    }

    private Table(int columns) {
        this.columns = columns;
    }

    /** A table of label and value pairs, without a header row. */
    public static Table withoutHeader(int columns) {
        return new Table(columns);
    }

    public Table indent(int spaces) {
        this.indent = " ".repeat(spaces);
        return this;
    }

    public Table row(String... cells) {
        return row(null, cells);
    }

    /** A row whose last column is written by {@code tail}. */
    public Table row(Consumer<PrintWriter> tail, String... cells) {
        int expected = tail == null ? columns : columns - 1;
        if (cells.length != expected) {
            throw new IllegalArgumentException("expected " + expected + " cells, got " + cells.length);
        }
        String[] shown = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            // a name from an imported file or an old vault must not move the cursor or break the table
            shown[i] = PrintableText.of(cells[i]);
        }
        rows.add(new Row(shown, tail));
        return this;
    }

    public void print(PrintWriter out) {
        int[][] cellWidths = new int[rows.size()][];
        int[] widths = new int[columns];
        for (int r = 0; r < rows.size(); r++) {
            String[] cells = rows.get(r).cells;
            cellWidths[r] = new int[cells.length];
            for (int c = 0; c < cells.length; c++) {
                cellWidths[r][c] = width(cells[c]);
                widths[c] = Math.max(widths[c], cellWidths[r][c]);
            }
        }
        String newline = System.lineSeparator();
        // each line is built in one builder and written from one char array, both reused: a list of
        // 10,000 accounts made a padding string per cell and three copies of every line
        StringBuilder line = new StringBuilder();
        char[] chars = new char[256];
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            line.setLength(0);
            line.append(indent);
            for (int c = 0; c < row.cells.length; c++) {
                line.append(row.cells[c]);
                if (c < columns - 1) {
                    for (int pad = widths[c] - cellWidths[r][c] + 2; pad > 0; pad--) {
                        line.append(' ');
                    }
                }
            }
            if (row.tail == null) {
                int end = line.length();
                while (end > 0 && Character.isWhitespace(line.charAt(end - 1))) {
                    end--; // no blanks at the end of a line (an empty last cell leaves its padding)
                }
                line.setLength(end);
                // not println: on an auto-flushing writer that is a write to the terminal per row
                line.append(newline);
                chars = write(out, line, chars);
            } else {
                chars = write(out, line, chars);
                row.tail.accept(out);
                out.print(newline);
            }
        }
        out.flush();
    }

    /** Writes {@code text} through {@code buffer}, or a larger one, which it returns. */
    private static char[] write(PrintWriter out, StringBuilder text, char[] buffer) {
        int n = text.length();
        char[] chars = buffer.length >= n ? buffer : new char[Math.max(n, buffer.length * 2)];
        text.getChars(0, n, chars, 0);
        out.write(chars, 0, n);
        return chars;
    }

    /** Columns a text takes on a terminal: East Asian wide and full-width characters take two. */
    public static int width(String text) {
        int width = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            width += wide(cp) ? 2 : 1;
            i += Character.charCount(cp);
        }
        return width;
    }

    private static boolean wide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F)
                || (cp >= 0x2E80 && cp <= 0x303E)
                || (cp >= 0x3041 && cp <= 0x33FF)
                || (cp >= 0x3400 && cp <= 0x4DBF)
                || (cp >= 0x4E00 && cp <= 0x9FFF)
                || (cp >= 0xA000 && cp <= 0xA4CF)
                || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF)
                || (cp >= 0xFE30 && cp <= 0xFE4F)
                || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6)
                || (cp >= 0x20000 && cp <= 0x3FFFD);
    }
}
