package dev.mailvault.core.doctor;

import dev.mailvault.core.VaultSession;
import dev.mailvault.core.account.AccountInfo;
import dev.mailvault.core.account.Address;
import dev.mailvault.core.account.CredentialInfo;
import dev.mailvault.core.crypto.Secret;
import dev.mailvault.core.devices.DeviceInfo;
import dev.mailvault.core.provider.ProviderCatalog;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the {@link Doctor} on an account of an open vault: opens the stored current and pending
 * values for the doctor to inspect, and closes every one of them afterwards, whatever happens.
 */
public final class SessionDoctor {
    /** How many recent checks the doctor reads: enough for the newest per protocol and value. */
    static final int CHECKS = 20;

    private SessionDoctor() {}

    public static Diagnosis diagnose(VaultSession session, ProviderCatalog catalog, Address address) {
        AccountInfo account = session.account(address);
        List<Secret> opened = new ArrayList<>();
        try {
            SecretsView.Builder secrets = SecretsView.builder();
            for (CredentialInfo credential : account.credentials()) {
                Secret current = session.secret(address, credential.ref());
                opened.add(current);
                secrets.current(credential.ref(), current);
                if (credential.hasPending()) {
                    session.pendingSecret(address, credential.ref()).ifPresent(pending -> {
                        opened.add(pending);
                        secrets.pending(credential.ref(), pending);
                    });
                }
            }
            List<DeviceInfo> devices = session.devices().stream()
                    .filter(d -> d.uses().stream().anyMatch(u -> u.account().equals(address)))
                    .toList();
            return Doctor.diagnose(
                    account,
                    catalog.forAccount(account.spec().providerId(), address),
                    secrets.build(),
                    session.checks(address, CHECKS),
                    devices,
                    session.clock());
        } finally {
            opened.forEach(Secret::close);
        }
    }
}
