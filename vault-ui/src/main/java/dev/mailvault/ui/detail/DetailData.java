package dev.mailvault.ui.detail;

import dev.mailvault.core.VaultSession;
import dev.mailvault.core.account.AccountInfo;
import dev.mailvault.core.account.CredentialInfo;
import dev.mailvault.core.account.CredentialRef;
import dev.mailvault.core.account.HistoryEntry;
import dev.mailvault.core.devices.DeviceInfo;
import dev.mailvault.core.doctor.Diagnosis;
import dev.mailvault.core.doctor.SessionDoctor;
import dev.mailvault.core.provider.ProviderCatalog;
import dev.mailvault.core.verify.CheckResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the detail pane shows of one account, read in one background call, with the doctor's
 * findings. History keeps the dates only: the earlier values are closed as soon as they are read.
 */
record DetailData(
        AccountInfo account,
        Map<CredentialRef, List<Period>> history,
        List<DeviceInfo> devices,
        List<CheckResult> checks,
        Diagnosis diagnosis) {

    /** When an earlier value was in use. */
    record Period(Instant from, Instant until) {}

    static DetailData load(VaultSession session, ProviderCatalog catalog, AccountInfo known) {
        AccountInfo account = session.account(known.address());
        Map<CredentialRef, List<Period>> history = new LinkedHashMap<>();
        for (CredentialInfo credential : account.credentials()) {
            List<Period> periods = new ArrayList<>();
            for (HistoryEntry entry : session.history(account.address(), credential.ref())) {
                try (entry) {
                    periods.add(new Period(entry.changedAt(), entry.replacedAt()));
                }
            }
            history.put(credential.ref(), List.copyOf(periods));
        }
        List<DeviceInfo> devices = session.devices().stream()
                .filter(d -> d.uses().stream().anyMatch(u -> u.account().equals(account.address())))
                .toList();
        return new DetailData(
                account,
                history,
                devices,
                session.checks(account.address(), 12),
                SessionDoctor.diagnose(session, catalog, account.address()));
    }
}
