package dev.mailvault.cli.command;

import dev.mailvault.cli.Texts;
import dev.mailvault.cli.output.AccountFacts;
import dev.mailvault.core.verify.CheckResult;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

/** Short human forms of ages, due dates and check results, in the user's language. */
final class Formats {
    static final String MASK = "********";

    private final Texts texts;
    private final ZoneId zone;
    private final Map<Long, String> ages = new HashMap<>();

    Formats(Texts texts, ZoneId zone) {
        this.texts = texts;
        this.zone = zone;
    }

    String age(long days) {
        // whole months read better than hundreds of days; 30-day months are close enough for an age.
        // A list has a few dozen distinct ages in thousands of rows: each is formatted once.
        return ages.computeIfAbsent(days, d -> d < 60 ? texts.get("age.days", d) : texts.get("age.months", d / 30));
    }

    String due(AccountFacts facts) {
        if (facts.nextDueOn().isEmpty()) {
            return texts.get("due.never");
        }
        String date = facts.nextDueOn().get().toString();
        return facts.due() ? texts.get("due.now", date) : date;
    }

    String lastCheck(AccountFacts facts) {
        if (facts.lastCheck().isEmpty()) {
            return texts.get("check.never");
        }
        if (facts.failedCheck().isPresent()) {
            CheckResult failed = facts.failedCheck().get();
            return texts.get("check.failed", failed.outcome().name(), date(failed.at()));
        }
        return texts.get("check.ok", date(facts.lastCheck().get().at()));
    }

    String reentry(int staleDevices) {
        return staleDevices == 0 ? texts.get("reentry.none") : texts.get("reentry.count", staleDevices);
    }

    String date(Instant instant) {
        return instant.atZone(zone).toLocalDate().toString();
    }
}
