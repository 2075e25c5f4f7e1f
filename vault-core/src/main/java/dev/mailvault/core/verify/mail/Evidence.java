package dev.mailvault.core.verify.mail;

import dev.mailvault.core.verify.Protocol;
import dev.mailvault.core.verify.ProviderRules;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything the {@link Classifier} decides from: the transcript of the connection, the exception
 * Jakarta Mail threw (null when the login went through), and whether the check was aborted.
 */
record Evidence(
        Protocol protocol,
        String host,
        int port,
        Duration timeout,
        Duration overallDeadline,
        ProviderRules rules,
        Transcript.Snapshot transcript,
        Throwable error,
        Attempt.Abort aborted) {

    Evidence {
        Objects.requireNonNull(protocol);
        Objects.requireNonNull(transcript);
        rules = rules == null ? ProviderRules.NONE : rules;
    }
}
