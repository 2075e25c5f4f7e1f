package dev.mailvault.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailvault.cli.Cli.Result;
import dev.mailvault.core.VaultSession;
import dev.mailvault.core.crypto.Secret;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A GreenMail over TLS for the test class, and a fresh vault (floor KDF) for each test. */
abstract class ServerTestBase {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger NEXT = new AtomicInteger();

    static MailServer server;

    @TempDir
    Path dir;

    Cli cli;

    @BeforeAll
    static void startServer() {
        server = new MailServer();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void emptyVault() {
        cli = Cli.withEmptyVault(dir);
    }

    /**
     * Adds an account on the server with {@code stored} in the vault and {@code onServer} at the
     * server; a fresh address each time, since GreenMail's users live as long as the server.
     */
    String account(String name, String stored, String onServer) {
        String address = name + NEXT.incrementAndGet() + "@mv-cli.example";
        server.user(address, onServer);
        Result added = cli.unlockedWith(stored + "\n", server.addArgs(address, dir));
        assertThat(added.code()).as(added.err()).isZero();
        return address;
    }

    /** Works on the vault through the core, for what has no command in this module yet (devices). */
    void withSession(Consumer<VaultSession> action) {
        try (Secret master = Secret.copyOf(Cli.MASTER.toCharArray());
                VaultSession session = cli.service.get().open(cli.vault, master)) {
            action.accept(session);
        }
    }

    static JsonNode json(Result result) {
        try {
            return JSON.readTree(result.out());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
