package dev.mailvault.core.demo;

import dev.mailvault.core.VaultException;
import dev.mailvault.core.VaultService;
import dev.mailvault.core.VaultSession;
import dev.mailvault.core.account.AccountSpec;
import dev.mailvault.core.account.Address;
import dev.mailvault.core.account.CredentialRef;
import dev.mailvault.core.crypto.KdfParameters;
import dev.mailvault.core.crypto.Secret;
import dev.mailvault.core.devices.DeviceType;
import dev.mailvault.core.provider.ProviderCatalog;
import dev.mailvault.core.remind.RotationPolicy;
import dev.mailvault.core.rotation.PasswordGenerator;
import dev.mailvault.core.rotation.RotationService;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Everything {@code vault demo} runs on: a temporary folder holding a demo vault (master password
 * {@value #MASTER_PASSWORD}, floor KDF parameters so it opens quickly) and an embedded mail server
 * that knows the demo accounts. The vault holds six accounts shaped like docomo, SoftBank, Gmail,
 * iCloud, Yahoo! JAPAN and a generic provider, all pointed at the local server; five devices; one
 * stored password the server no longer accepts; one rotation in progress; one password older than
 * six months and one due within days.
 *
 * <p>{@link #close()} stops the server and deletes the folder; it may be called more than once and
 * from a shutdown hook.
 */
public final class Demo implements AutoCloseable {
    /** Shown to the user: the demo vault holds nothing but throwaway values. */
    public static final String MASTER_PASSWORD = "demo";

    /** What the tour uses each account for. */
    public enum Role {
        PLAIN,
        /** The stored password is no longer the server's: verify fails, doctor explains. */
        WRONG_PASSWORD,
        /** A new password is pending; the tour changes it "at the provider" and verify promotes it. */
        ROTATION,
        /** Last changed seven months ago: overdue under the default six-month policy. */
        OVERDUE,
        /** Due within {@link #DUE_IN_DAYS} days. */
        DUE_SOON
    }

    /** One demo account: what it imitates and what it shows. */
    public record Sample(Address address, String providerId, String displayName, Role role) {}

    /** How the demo's folder name starts. */
    public static final String PREFIX = "mailvault-demo-";

    static final int DUE_IN_DAYS = 7;
    private static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
    private static final String LETTERS_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private static final List<Sample> SAMPLES = List.of(
            new Sample(Address.of("hanako.demo@docomo.ne.jp"), "docomo", "Hanako (docomo)", Role.PLAIN),
            new Sample(Address.of("taro.demo@i.softbank.jp"), "softbank", "Taro (SoftBank)", Role.ROTATION),
            new Sample(Address.of("mailvault.demo@gmail.com"), "gmail", "Gmail", Role.DUE_SOON),
            new Sample(Address.of("mailvault.demo@icloud.com"), "icloud", "iCloud", Role.PLAIN),
            new Sample(Address.of("mailvault_demo@yahoo.co.jp"), "yahoo-japan", "Yahoo!メール", Role.WRONG_PASSWORD),
            new Sample(Address.of("info@mailvault-demo.example"), "generic", "Shop mail", Role.OVERDUE));

    private record DeviceSample(String name, DeviceType type, List<Integer> uses) {}

    private static final List<DeviceSample> DEVICES = List.of(
            new DeviceSample("iPhone", DeviceType.IPHONE, List.of(0, 1, 3)),
            new DeviceSample("Pixel", DeviceType.ANDROID, List.of(2, 4)),
            new DeviceSample("Office PC", DeviceType.OUTLOOK_WINDOWS, List.of(2, 5)),
            new DeviceSample("Home PC", DeviceType.THUNDERBIRD, List.of(1, 4)),
            new DeviceSample("MacBook", DeviceType.MACOS_MAIL, List.of(3)));

    private final Path folder;
    private final DemoServer server;
    private final VaultService service;
    private final Secret rotationValue;
    private boolean closed;

    private Demo(Path folder, DemoServer server, VaultService service, Secret rotationValue) {
        this.folder = folder;
        this.server = server;
        this.service = service;
        this.rotationValue = rotationValue;
    }

    /**
     * Creates the folder in the system's temporary folder, starts the server and fills the vault.
     * {@code clock} is the demo's "now"; the older passwords are backdated from it. On failure
     * nothing is left behind.
     */
    public static Demo start(Clock clock, SecureRandom random) {
        return start(null, clock, random);
    }

    /** As {@link #start(Clock, SecureRandom)}, with the folder made inside {@code parent} (null: the system's). */
    public static Demo start(Path parent, Clock clock, SecureRandom random) {
        Path folder = createFolder(parent);
        DemoServer server = null;
        Secret rotationValue = null;
        try {
            server = DemoServer.start(random);
            VaultService service = new VaultService(clock, random, folder.resolve("state"));
            rotationValue = fill(folder, server, clock, random);
            return new Demo(folder, server, service, rotationValue);
        } catch (RuntimeException | Error e) {
            if (rotationValue != null) {
                rotationValue.close();
            }
            if (server != null) {
                server.close();
            }
            try {
                deleteFolder(folder);
            } catch (VaultException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /** The six sample accounts, in the order they were added. */
    public static List<Sample> samples() {
        return SAMPLES;
    }

    public Path folder() {
        return folder;
    }

    public Path vaultFile() {
        return folder.resolve("vault.db");
    }

    /** A service over the demo's own state folder, so the user's rollback log is never touched. */
    public VaultService service() {
        return service;
    }

    /** A fresh copy of the master password; the caller closes it. */
    public static Secret masterPassword() {
        return Secret.copyOf(MASTER_PASSWORD.toCharArray());
    }

    public DemoServer server() {
        return server;
    }

    public Address account(Role role) {
        return SAMPLES.stream()
                .filter(s -> s.role() == role)
                .map(Sample::address)
                .findFirst()
                .orElseThrow();
    }

    /**
     * What the user does at the provider's site during a rotation: the server now accepts the
     * pending value of the {@link Role#ROTATION} account (and no longer the old one).
     */
    public synchronized void changePasswordAtProvider() {
        Address address = account(Role.ROTATION);
        server.setPassword(address.value(), address.value(), rotationValue);
    }

    /** Stops the server and deletes the folder; later calls do nothing. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            server.close();
        } finally {
            rotationValue.close();
            deleteFolder(folder);
        }
    }

    public synchronized boolean isClosed() {
        return closed;
    }

    private static Secret fill(Path folder, DemoServer server, Clock clock, SecureRandom random) {
        BackdatingClock setupClock = new BackdatingClock(clock);
        VaultService setup = new VaultService(setupClock, random, folder.resolve("state"));
        Path file = folder.resolve("vault.db");
        try (Secret master = masterPassword()) {
            setup.create(file, master, KdfParameters.FLOOR);
        }
        PasswordGenerator generator = new PasswordGenerator(random);
        ProviderCatalog catalog = ProviderCatalog.builtIn();
        try (Secret master = masterPassword();
                VaultSession session = setup.open(file, master)) {
            ZonedDateTime now = ZonedDateTime.now(clock);
            for (Sample sample : SAMPLES) {
                setupClock.backdateTo(changedAt(sample.role(), now).toInstant());
                AccountSpec spec = new AccountSpec(
                        sample.address(),
                        sample.displayName(),
                        sample.providerId(),
                        server.imaps(),
                        server.smtps(),
                        null,
                        null,
                        true,
                        server.caCertificatePem(),
                        null,
                        RotationPolicy.DEFAULT);
                try (Secret password = passwordShapedFor(sample.providerId(), generator, random)) {
                    session.addAccount(spec, password, null);
                    if (sample.role() == Role.WRONG_PASSWORD) {
                        // changed on the provider's site since; the vault still has the old value
                        try (Secret changed = passwordShapedFor(sample.providerId(), generator, random)) {
                            server.setPassword(
                                    sample.address().value(), sample.address().value(), changed);
                        }
                    } else {
                        server.setPassword(
                                sample.address().value(), sample.address().value(), password);
                    }
                }
            }
            setupClock.now();
            for (DeviceSample device : DEVICES) {
                session.addDevice(
                        device.name(),
                        device.type(),
                        device.uses().stream()
                                .map(i -> SAMPLES.get(i).address())
                                .toList());
            }
            Address rotating = SAMPLES.stream()
                    .filter(s -> s.role() == Role.ROTATION)
                    .findFirst()
                    .orElseThrow()
                    .address();
            new RotationService(session, catalog, random)
                    .start(rotating, CredentialRef.IMAP, null, true, Optional.empty());
            return session.pendingSecret(rotating, CredentialRef.IMAP).orElseThrow();
        }
    }

    /** When the sample's password was last changed, counted back from {@code now}. */
    private static ZonedDateTime changedAt(Role role, ZonedDateTime now) {
        return switch (role) {
            case OVERDUE -> now.minusMonths(7);
            // due a week from now under the six-month policy (give or take a short month's end)
            case DUE_SOON -> now.plusDays(DUE_IN_DAYS).minusMonths(6);
            case ROTATION -> now.minusMonths(5);
            case WRONG_PASSWORD -> now.minusMonths(3);
            case PLAIN -> now.minusMonths(2);
        };
    }

    /** A value of the form the provider issues, so doctor sees nothing odd about its shape. */
    private static Secret passwordShapedFor(String providerId, PasswordGenerator generator, SecureRandom random) {
        return switch (providerId) {
            case "docomo" -> generator.generate(LETTERS_DIGITS, 10);
            case "gmail" -> generator.generate(LOWER, 16);
            case "icloud" -> {
                char[] value = new char[19];
                for (int i = 0; i < value.length; i++) {
                    value[i] = i % 5 == 4 ? '-' : LOWER.charAt(random.nextInt(LOWER.length()));
                }
                yield Secret.adopt(value);
            }
            default -> generator.generate(LETTERS_DIGITS, 16);
        };
    }

    private static Path createFolder(Path parent) {
        try {
            try {
                FileAttribute<?> ownerOnly =
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
                return parent == null
                        ? Files.createTempDirectory(PREFIX, ownerOnly)
                        : Files.createTempDirectory(parent, PREFIX, ownerOnly);
            } catch (UnsupportedOperationException e) {
                return parent == null ? Files.createTempDirectory(PREFIX) : Files.createTempDirectory(parent, PREFIX);
            }
        } catch (IOException e) {
            throw new VaultException("could not create a temporary folder for the demo: " + e.getMessage(), e);
        }
    }

    private static void deleteFolder(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new VaultException("could not delete the demo folder " + folder + ": " + e.getMessage(), e);
        }
    }

    /** The demo's clock, or a moment in the past while an older password is being stored. */
    private static final class BackdatingClock extends Clock {
        private final Clock base;
        private Instant backdated;

        BackdatingClock(Clock base) {
            this.base = base;
        }

        void backdateTo(Instant instant) {
            backdated = instant;
        }

        void now() {
            backdated = null;
        }

        @Override
        public ZoneId getZone() {
            return base.getZone();
        }

        @Override
        public Clock withZone(ZoneId zone) {
            BackdatingClock other = new BackdatingClock(base.withZone(zone));
            other.backdated = backdated;
            return other;
        }

        @Override
        public Instant instant() {
            return backdated != null ? backdated : base.instant();
        }
    }
}
