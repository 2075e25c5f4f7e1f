package dev.mailvault.core.transfer.internal;

import dev.mailvault.core.transfer.EntrySource;
import dev.mailvault.core.transfer.ImportRefusedException;
import dev.mailvault.core.transfer.ImportRefusedException.Reason;
import java.io.CharArrayReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.QuoteMode;

/**
 * KeePassXC's CSV export. KeePassXC 2.7 ({@code keepassxc-cli export -f csv}, or Database → Export
 * → CSV File) writes every field quoted, one header row, {@code \n} line ends:
 *
 * <pre>"Group","Title","Username","Password","URL","Notes","TOTP","Icon","Last Modified","Created"</pre>
 *
 * KeePassXC 2.6 and earlier wrote only the first six columns; both are read.
 *
 * <p>Limit: commons-csv hands every field over as a {@code String}, the password too. It is turned
 * into a {@code char[]} at once and the String dropped, but the String (and the parser's buffers)
 * stay in the heap until collected; the file itself held the password in clear anyway.
 */
public final class KeePassXcCsv {
    public static final List<String> HEADER = List.of(
            "Group", "Title", "Username", "Password", "URL", "Notes", "TOTP", "Icon", "Last Modified", "Created");
    private static final List<String> HEADER_2_6 = HEADER.subList(0, 6);

    private static final CSVFormat FORMAT = CSVFormat.RFC4180
            .builder()
            .setIgnoreEmptyLines(true)
            .setRecordSeparator("\n")
            .setQuoteMode(QuoteMode.ALL)
            .get();

    private KeePassXcCsv() {}

    /** The rows of an export as login entries (the caller wipes them); {@code name} is for messages. */
    public static List<LoginEntry> read(char[] text, String name) {
        List<LoginEntry> out = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new CharArrayReader(text), FORMAT)) {
            Iterator<CSVRecord> records = parser.iterator();
            int columns = 0;
            while (true) {
                long before = parser.getCurrentLineNumber() + 1;
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    throw ImportRefusedException.at(
                            name,
                            ImportRefusedException.at(
                                    EntrySource.line(before), ImportRefusedException.of(describe(e))));
                }
                long line = TextInput.lineAt(text, record.getCharacterPosition());
                if (columns == 0) {
                    columns = header(record, name, line);
                    continue;
                }
                if (record.size() != columns) {
                    throw ImportRefusedException.at(
                            name,
                            ImportRefusedException.at(
                                    EntrySource.line(line),
                                    ImportRefusedException.of(
                                            Reason.CSV_FIELD_COUNT,
                                            String.valueOf(record.size()),
                                            String.valueOf(columns))));
                }
                out.add(entry(record, name, line, columns));
            }
            if (columns == 0) {
                throw ImportRefusedException.of(Reason.CSV_EMPTY, name, quoted(HEADER));
            }
            return out;
        } catch (IOException e) {
            out.forEach(LoginEntry::close);
            throw ImportRefusedException.at(
                    name, ImportRefusedException.caused(e, Reason.CSV_UNREADABLE, String.valueOf(e.getMessage())));
        } catch (RuntimeException e) {
            out.forEach(LoginEntry::close);
            throw e;
        }
    }

    private static int header(CSVRecord record, String name, long line) {
        List<String> names = new ArrayList<>();
        record.forEach(v -> names.add(v.strip().toLowerCase(Locale.ROOT)));
        if (names.equals(lower(HEADER)) || names.equals(lower(HEADER_2_6))) {
            return names.size();
        }
        // The header is not echoed: a file without one may start with a password.
        throw ImportRefusedException.at(
                name,
                ImportRefusedException.at(
                        EntrySource.line(line),
                        ImportRefusedException.of(
                                Reason.CSV_NOT_HEADER, String.valueOf(record.size()), quoted(HEADER))));
    }

    private static LoginEntry entry(CSVRecord r, String name, long line, int columns) {
        String source = EntrySource.line(line);
        String title = r.get(1);
        char[] password = r.get(3).toCharArray();
        Optional<Instant> modified = Optional.empty();
        if (columns > 8 && !r.get(8).isBlank()) {
            try {
                modified = Optional.of(Instant.parse(r.get(8).strip()));
            } catch (DateTimeParseException e) {
                java.util.Arrays.fill(password, '\0');
                throw ImportRefusedException.at(
                        name,
                        ImportRefusedException.at(
                                EntrySource.line(line), ImportRefusedException.of(Reason.CSV_BAD_DATE)));
            }
        }
        return new LoginEntry(source, title, r.get(2), password, List.of(r.get(4)), r.get(5), List.of(), modified);
    }

    private static Reason describe(RuntimeException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        String m = cause.getMessage() == null ? "" : cause.getMessage();
        if (m.contains("EOF reached before encapsulated token finished")) {
            return Reason.CSV_QUOTE_NOT_CLOSED;
        }
        if (m.contains("Invalid character between encapsulated token and delimiter")) {
            return Reason.CSV_TEXT_AFTER_QUOTE;
        }
        return Reason.CSV_INVALID;
    }

    private static List<String> lower(List<String> names) {
        return names.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
    }

    private static String quoted(List<String> names) {
        return String.join(",", names.stream().map(n -> "\"" + n + "\"").toList());
    }

    /** Writes rows under KeePassXC's header; each row's values are CharSequences, never copied to Strings here. */
    public static void write(List<List<CharSequence>> rows, Appendable out) throws IOException {
        CSVPrinter printer = new CSVPrinter(out, FORMAT);
        printer.printRecord(HEADER);
        for (List<CharSequence> row : rows) {
            if (row.size() != HEADER.size()) {
                throw new IllegalArgumentException("a row needs " + HEADER.size() + " values");
            }
            for (CharSequence value : row) {
                printer.print(value);
            }
            printer.println();
        }
        printer.flush();
    }
}
