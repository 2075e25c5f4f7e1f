package dev.mailvault.core.rotation;

import dev.mailvault.core.BadInputException;
import dev.mailvault.core.VaultSession;
import dev.mailvault.core.account.AccountInfo;
import dev.mailvault.core.account.Address;
import dev.mailvault.core.account.CredentialKind;
import dev.mailvault.core.account.CredentialRef;
import dev.mailvault.core.crypto.Secret;
import dev.mailvault.core.devices.DeviceInfo;
import dev.mailvault.core.provider.Provider;
import dev.mailvault.core.provider.ProviderCatalog;
import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Starts, forces and abandons rotations. The new value is stored as pending before anything else
 * happens, so neither value can be lost; promotion after a successful login is done by {@link
 * dev.mailvault.core.verify.VerifyService}.
 */
public final class RotationService {
    /** A rotation that has begun: where to change the password, and who will need it. */
    public record Started(
            Address account,
            CredentialRef credential,
            Provider provider,
            boolean generated,
            List<DeviceInfo> devices) {}

    private final VaultSession session;
    private final ProviderCatalog catalog;
    private final PasswordGenerator generator;

    public RotationService(VaultSession session, ProviderCatalog catalog, SecureRandom random) {
        this.session = session;
        this.catalog = catalog;
        this.generator = new PasswordGenerator(random);
    }

    /**
     * Stores the new value as pending: {@code typed}, or with {@code generate} a random one from
     * the provider's alphabet. Providers that issue the password themselves refuse to generate.
     */
    public Started start(
            Address address, CredentialRef ref, Secret typedOrNull, boolean generate, Optional<Integer> length) {
        AccountInfo account = session.account(address);
        CredentialRef target =
                ref.kind() == CredentialKind.SMTP && account.spec().smtpSameAsImap() ? CredentialRef.IMAP : ref;
        if (account.credential(target).isEmpty()) {
            throw new BadInputException(address + " has no " + ref + " password to rotate");
        }
        Provider provider = providerOf(account);
        if (generate == (typedOrNull != null)) {
            throw new BadInputException("give either a new password or --generate");
        }
        if (generate) {
            int n = provider.generate().lengthFor(length, provider.name(Locale.ENGLISH));
            try (Secret value = generator.generate(provider.generate().alphabet(), n)) {
                session.setPending(address, target, value);
            }
        } else {
            if (typedOrNull.isEmpty()) {
                throw new BadInputException("the new password must not be empty");
            }
            try (Secret current = session.secret(address, target)) {
                if (current.sameValueAs(typedOrNull)) {
                    throw new SameAsCurrentException();
                }
            }
            session.setPending(address, target, typedOrNull);
        }
        return new Started(address, target, provider, generate, devicesUsing(address, target));
    }

    /** Promotes without a successful login, because the user insists; recorded as unverified. */
    public void promoteUnverified(Address address, CredentialRef ref) {
        session.promotePending(address, ref, false);
    }

    public void abandon(Address address, CredentialRef ref) {
        session.abandonPending(address, ref);
    }

    /** Devices that hold this credential of this account. */
    public List<DeviceInfo> devicesUsing(Address address, CredentialRef ref) {
        return session.devices().stream()
                .filter(d -> d.uses().stream()
                        .anyMatch(u ->
                                u.account().equals(address) && u.credential().equals(ref)))
                .toList();
    }

    public Provider providerOf(AccountInfo account) {
        return catalog.forAccount(account.spec().providerId(), account.address());
    }
}
