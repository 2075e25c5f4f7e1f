package dev.mailvault.core.testing;

import dev.mailvault.core.VaultService;
import dev.mailvault.core.VaultSession;
import dev.mailvault.core.account.AccountSpec;
import dev.mailvault.core.account.Address;
import dev.mailvault.core.account.Endpoint;
import dev.mailvault.core.crypto.KdfParameters;
import dev.mailvault.core.crypto.Secret;
import dev.mailvault.core.remind.RotationPolicy;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Real vault files in temporary folders, at the floor KDF parameters to keep tests quick. */
public final class TestVaults {
    public static final String MASTER = "correct horse battery staple";

    private TestVaults() {}

    public static Secret master() {
        return Secret.copyOf(MASTER.toCharArray());
    }

    public static Secret secret(String value) {
        return Secret.copyOf(value.toCharArray());
    }

    public static VaultService service(Clock clock, Path stateDir) {
        return new VaultService(clock, new SecureRandom(), stateDir);
    }

    public static VaultSession create(VaultService service, Path file) {
        try (Secret m = master()) {
            service.create(file, m, KdfParameters.FLOOR);
        }
        try (Secret m = master()) {
            return service.open(file, m);
        }
    }

    public static AccountSpec spec(String address) {
        return spec(address, null);
    }

    /** {@link #spec(String)} with the account's own CA certificate. */
    public static AccountSpec spec(String address, String caCertPem) {
        return new AccountSpec(
                Address.of(address),
                "",
                "generic",
                Endpoint.parse("imap.example.net:993"),
                Endpoint.parse("smtp.example.net:465"),
                null,
                null,
                true,
                caCertPem,
                null,
                RotationPolicy.DEFAULT);
    }

    /**
     * A clock that only moves when told to. Volatile: the desktop app's tests advance it on the test
     * thread while the FX thread and background tasks read it.
     */
    public static final class MutableClock extends Clock {
        private volatile Instant now;

        public MutableClock(Instant start) {
            this.now = start;
        }

        public void advance(Duration d) {
            now = now.plus(d);
        }

        public void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
