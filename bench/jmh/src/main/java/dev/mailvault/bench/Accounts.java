package dev.mailvault.bench;

import dev.mailvault.core.account.AccountSpec;
import dev.mailvault.core.account.Address;
import dev.mailvault.core.account.Endpoint;
import dev.mailvault.core.account.Security;
import dev.mailvault.core.crypto.Secret;
import java.util.Locale;

/**
 * The generated accounts every benchmark and peer uses, so our vault, the KeePassXC database and
 * the GreenMail users hold the same logins: {@code user<i>@example.org} with password {@code
 * pw-<i, six digits>-xyz}. bench/lib/kdbx.py and bench/run spell the same names.
 */
final class Accounts {
    private Accounts() {}

    static Address address(int i) {
        return Address.of("user" + i + "@example.org");
    }

    static Secret password(int i) {
        return Secret.adopt(String.format(Locale.ROOT, "pw-%06d-xyz", i).toCharArray());
    }

    static AccountSpec spec(int i, String host, int imapPort, int smtpPort, String caPem) {
        return new AccountSpec(
                address(i),
                "User " + i,
                "generic",
                new Endpoint(host, imapPort, Security.TLS),
                new Endpoint(host, smtpPort, Security.TLS),
                null,
                null,
                true,
                caPem,
                "",
                null);
    }
}
