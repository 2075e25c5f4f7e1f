package dev.mailvault.core.verify;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What a provider's servers are known to say, for the classifier: texts that mean a specific
 * outcome, whether any authentication failure means a special password is needed (iCloud, docomo),
 * and whether the provider accepts passwords at all.
 */
public record ProviderRules(List<TextRule> texts, boolean authFailureMeansAppPassword, boolean oauthOnly) {
    public static final ProviderRules NONE = new ProviderRules(List.of(), false, false);

    /** A server text (case-insensitive regular expression) and the outcome it means. */
    public record TextRule(Pattern pattern, Outcome outcome) {}

    public ProviderRules {
        texts = List.copyOf(texts);
    }
}
