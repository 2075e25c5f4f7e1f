package dev.mailvault.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Text tables")
class TableTest {
    private static final String NL = System.lineSeparator();

    @Test
    @DisplayName("line up columns, count wide characters twice, and drop trailing blanks")
    void layout() {
        StringWriter text = new StringWriter();
        new Table("ADDRESS", "PROVIDER", "AGE")
                .row("a@example.org", "docomo", "3日")
                .row("long.name@example.org", "ドコモ", "")
                .print(new PrintWriter(text));

        assertThat(text.toString())
                .isEqualTo("ADDRESS                PROVIDER  AGE" + NL
                        + "a@example.org          docomo    3日" + NL
                        + "long.name@example.org  ドコモ" + NL);
    }

    @Test
    @DisplayName("show a control character in a cell (escape, line break, tab) as a space, so no cell moves the cursor")
    void controlCharacters() {
        StringWriter text = new StringWriter();
        new Table("ENTRY", "WHY").row("Note\u001b[2Jx\nline2", "a\tb").print(new PrintWriter(text));

        assertThat(text.toString()).isEqualTo("ENTRY            WHY" + NL + "Note [2Jx line2  a b" + NL);
    }

    @Test
    @DisplayName("flush once for the whole table, not once per row, on an auto-flushing writer")
    void oneFlush() {
        int[] flushes = {0};
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text, true) {
            @Override
            public void flush() {
                flushes[0]++;
                super.flush();
            }
        };
        Table table = new Table("A", "B");
        for (int i = 0; i < 100; i++) {
            table.row("row " + i, "x");
        }
        table.print(out);

        assertThat(flushes[0]).isEqualTo(1);
        assertThat(text.toString().split(NL)).hasSize(101);
    }

    @Test
    @DisplayName("let a row's tail write itself after the cells")
    void tail() {
        StringWriter text = new StringWriter();
        Table.withoutHeader(2).row(w -> w.print("written"), "label").print(new PrintWriter(text));

        assertThat(text.toString()).isEqualTo("label  written" + NL);
    }
}
