package dev.mailvault.ui.verify;

import dev.mailvault.core.verify.Outcome;
import dev.mailvault.core.verify.VerifyService;
import dev.mailvault.ui.common.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A finished run in one or two sentences: how many logins worked, and what became of a rotation. */
public final class VerifySummary {
    private VerifySummary() {}

    public static String of(VerifyService.Report report, Texts texts) {
        Map<Outcome, Long> summary = report.summary();
        long ok = summary.getOrDefault(Outcome.OK, 0L);
        long skipped = summary.getOrDefault(Outcome.SKIPPED, 0L);
        long failed = report.checks().size() - ok - skipped;
        List<String> parts = new ArrayList<>();
        parts.add(texts.get("verify.summary", ok, failed));
        for (VerifyService.RotationEvent event : report.rotations()) {
            parts.add(texts.get("rotation.outcome." + event.outcome().name()));
        }
        return String.join(" ", parts);
    }

    /**
     * A finished run over every account: how many logins worked, failed and were not tried, why
     * some were not tried, and what became of each rotation (named, as there may be several).
     */
    public static String ofAll(VerifyService.Report report, Texts texts) {
        if (report.checks().isEmpty()) {
            return texts.get("verifyAll.none");
        }
        Map<Outcome, Long> summary = report.summary();
        long ok = summary.getOrDefault(Outcome.OK, 0L);
        long skipped = summary.getOrDefault(Outcome.SKIPPED, 0L);
        long failed = report.checks().size() - ok - skipped;
        List<String> parts = new ArrayList<>();
        parts.add(texts.get("verifyAll.summary", ok, failed, skipped));
        if (skipped > 0) {
            parts.add(texts.get("verifyAll.skippedHint", VerifyService.LOCKOUT_WINDOW.toMinutes()));
        }
        for (VerifyService.RotationEvent event : report.rotations()) {
            parts.add(texts.get(
                    "verifyAll.rotation",
                    event.account().value(),
                    texts.get("rotation.outcome." + event.outcome().name())));
        }
        return String.join(" ", parts);
    }
}
