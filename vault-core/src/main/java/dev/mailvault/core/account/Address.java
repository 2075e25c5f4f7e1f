package dev.mailvault.core.account;

import dev.mailvault.core.BadInputException;
import java.util.Locale;
import java.util.regex.Pattern;

/** A mailbox address. The domain is kept in lower case; an invalid address cannot exist. */
public record Address(String value) implements Comparable<Address> {
    private static final Pattern LOCAL = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}");
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

    public Address {
        if (value == null) {
            throw new BadInputException("an e-mail address is required");
        }
        int at = value.lastIndexOf('@');
        if (at <= 0 || at == value.length() - 1 || value.length() > 254) {
            throw new BadInputException("not an e-mail address: '" + value + "' (expected name@domain)");
        }
        String local = value.substring(0, at);
        String domain = value.substring(at + 1).toLowerCase(Locale.ROOT);
        if (!LOCAL.matcher(local).matches() || local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
            throw new BadInputException("not an e-mail address: '" + value + "' (invalid name part)");
        }
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2) {
            throw new BadInputException("not an e-mail address: '" + value + "' (the domain needs a dot)");
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                throw new BadInputException("not an e-mail address: '" + value + "' (invalid domain)");
            }
        }
        value = local + "@" + domain;
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
