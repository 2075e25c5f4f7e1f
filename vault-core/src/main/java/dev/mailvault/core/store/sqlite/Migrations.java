package dev.mailvault.core.store.sqlite;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Applies the numbered SQL files of the top-level migrations folder (packaged under {@code
 * migrations/} in the jar). Our own small runner rather than Flyway: the schema version is part of
 * the authenticated header, a migration must run inside the vault's own transaction after unlock,
 * and the CLI pays for every class it loads at start-up.
 */
final class Migrations {
    /** Append-only: a released migration is never edited. */
    static final List<String> FILES = List.of("V1__init.sql");

    static final int LATEST = FILES.size();

    private Migrations() {}

    /** Runs migrations {@code from + 1 .. LATEST} on {@code connection} (inside the caller's transaction). */
    static void apply(Connection connection, int from) throws SQLException {
        for (int version = from + 1; version <= LATEST; version++) {
            for (String sql : statements(read(FILES.get(version - 1)))) {
                try (Statement s = connection.createStatement()) {
                    s.executeUpdate(sql);
                }
            }
        }
    }

    static String read(String file) {
        try (InputStream in = Migrations.class.getResourceAsStream("/migrations/" + file)) {
            if (in == null) {
                throw new IllegalStateException("migration " + file + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Splits a migration into statements; our migrations have no semicolons inside literals. */
    static List<String> statements(String sql) {
        StringBuilder clean = new StringBuilder();
        for (String line : sql.split("\n")) {
            String trimmed = line.strip();
            if (!trimmed.startsWith("--")) {
                clean.append(line).append('\n');
            }
        }
        return java.util.Arrays.stream(clean.toString().split(";"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
