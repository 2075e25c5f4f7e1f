package dev.mailvault.cli.output;

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
        rows.add(new Row(cells, tail));
        return this;
    }

    public void print(PrintWriter out) {
        int[] widths = new int[columns];
        for (Row row : rows) {
            for (int c = 0; c < row.cells.length; c++) {
                widths[c] = Math.max(widths[c], width(row.cells[c]));
            }
        }
        StringBuilder line = new StringBuilder();
        for (Row row : rows) {
            line.setLength(0);
            line.append(indent);
            for (int c = 0; c < row.cells.length; c++) {
                line.append(row.cells[c]);
                if (c < columns - 1) {
                    line.append(" ".repeat(widths[c] - width(row.cells[c]) + 2));
                }
            }
            if (row.tail == null) {
                out.print(line.toString().stripTrailing());
            } else {
                out.print(line);
                row.tail.accept(out);
            }
            // not println: on an auto-flushing writer that is a write to the terminal per row
            out.print(System.lineSeparator());
        }
        out.flush();
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
