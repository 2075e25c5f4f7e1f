package dev.mailvault.core.account;

import dev.mailvault.core.BadInputException;
import java.util.Locale;

/** A mailbox address. The domain is kept in lower case; an invalid address cannot exist. */
public record Address(String value) implements Comparable<Address> {
    public Address {
        if (value == null) {
            throw new BadInputException("an e-mail address is required");
        }
        int at = value.lastIndexOf('@');
        if (at <= 0 || at == value.length() - 1 || value.length() > 254) {
            throw new BadInputException("not an e-mail address: '" + value + "' (expected name@domain)");
        }
        String local = value.substring(0, at);
        String given = value.substring(at + 1);
        String domain = given.toLowerCase(Locale.ROOT);
        if (!MailSyntax.isNameCharacters(local)
                || local.startsWith(".")
                || local.endsWith(".")
                || local.contains("..")) {
            throw new BadInputException("not an e-mail address: '" + value + "' (invalid name part)");
        }
        if (domain.indexOf('.') < 0) {
            throw new BadInputException("not an e-mail address: '" + value + "' (the domain needs a dot)");
        }
        for (int start = 0, dot; start <= domain.length(); start = dot + 1) {
            dot = domain.indexOf('.', start);
            dot = dot < 0 ? domain.length() : dot;
            if (!MailSyntax.isLabel(domain, start, dot)) {
                throw new BadInputException("not an e-mail address: '" + value + "' (invalid domain)");
            }
        }
        if (!domain.equals(given)) {
            value = local + "@" + domain;
        }
    }

    public static Address of(String value) {
        return new Address(value == null ? null : value.strip());
    }

    public String localPart() {
        return value.substring(0, value.lastIndexOf('@'));
    }

    public String domain() {
        return value.substring(value.lastIndexOf('@') + 1);
    }

    @Override
    public int compareTo(Address other) {
        return value.compareToIgnoreCase(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
