package dev.mailvault.core.devices;

import dev.mailvault.core.account.Address;
import dev.mailvault.core.account.CredentialRef;
import java.time.Instant;
import java.util.List;

/** A registered device and the credentials typed into it. */
public record DeviceInfo(long id, String name, DeviceType type, Instant createdAt, List<Use> uses) {

    /** One credential on this device: when it last received the current value. */
    public record Use(Address account, CredentialRef credential, Instant receivedAt, boolean needsReentry) {}

    public boolean stale() {
        return uses.stream().anyMatch(Use::needsReentry);
    }
}
