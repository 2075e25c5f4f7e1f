package dev.mailvault.core.verify.mail;

import dev.mailvault.core.verify.Outcome;

/** What the {@link Classifier} decided: the outcome, the server's code (if any), its text and any alert. */
record Verdict(Outcome outcome, String code, String message, String alert) {
    Verdict {
        code = code == null ? "" : code;
        message = message == null ? "" : message;
        alert = alert == null ? "" : alert;
    }

    Verdict withOutcome(Outcome other) {
        return new Verdict(other, code, message, alert);
    }
}
