package dev.mailvault.core.doctor;

import static dev.mailvault.core.doctor.DoctorFixtures.CLOCK;
import static dev.mailvault.core.doctor.DoctorFixtures.daysAgo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailvault.core.account.Address;
import dev.mailvault.core.account.CredentialRef;
import dev.mailvault.core.crypto.Secret;
import dev.mailvault.core.devices.DeviceType;
import dev.mailvault.core.doctor.DoctorFixtures.AccountBuilder;
import dev.mailvault.core.verify.CheckResult;
import dev.mailvault.core.verify.CheckResult.Slot;
import dev.mailvault.core.verify.Outcome;
import dev.mailvault.core.verify.Protocol;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

@Label("The doctor never reveals a stored value")
class DoctorSecrecyPropertyTest {

    @Provide
    Arbitrary<String> secrets() {
        // Markers at both ends make a coincidental match with ordinary text impossible.
        Arbitrary<Character> chars = Arbitraries.oneOf(
                Arbitraries.chars().alpha(),
                Arbitraries.chars().numeric(),
                Arbitraries.of(' ', '\u3000', '\u200B', '\uFEFF', '\t', 'Ａ', '１', 'ｱ', 'あ', '!', '%', '\''));
        return chars.list().ofMinSize(0).ofMaxSize(20).map(list -> {
            StringBuilder s = new StringBuilder("Qz");
            list.forEach(s::append);
            return s.append("9#").toString();
        });
    }

    @Provide
    Arbitrary<String> providers() {
        return Arbitraries.of(
                "docomo", "au", "softbank", "ymobile", "yahoo-japan", "gmail", "icloud", "outlook", "generic");
    }

    @Provide
    Arbitrary<List<CheckResult>> checks() {
        Arbitrary<CheckResult> one = Arbitraries.of(Protocol.values())
                .flatMap(protocol -> Arbitraries.of(Slot.values())
                        .flatMap(slot -> Arbitraries.of(Outcome.values())
                                .flatMap(outcome -> Arbitraries.integers()
                                        .between(0, 30)
                                        .map(days ->
                                                DoctorFixtures.check(protocol, slot, outcome, daysAgo(days), "")))));
        return one.list().ofMaxSize(5);
    }

    @Property(tries = 200)
    @Label("no finding text, in either language, contains the IMAP, SMTP, portal or pending value")
    void noTextContainsASecret(
            @ForAll("secrets") String imap,
            @ForAll("secrets") String pending,
            @ForAll boolean portalSameAsImap,
            @ForAll boolean separateSmtp,
            @ForAll("providers") String providerId,
            @ForAll("checks") List<CheckResult> checks,
            @ForAll int rotatedDaysAgo) {
        String address = "taro@example.org";
        AccountBuilder account = new AccountBuilder(providerId, address)
                .changed(daysAgo(Math.floorMod(rotatedDaysAgo, 20)), 1)
                .pendingSince(daysAgo(1));
        if (separateSmtp) {
            account.separateSmtp();
        }
        String smtp = pending + "s";
        String portal = portalSameAsImap ? imap : imap + "p";
        List<Secret> opened = new ArrayList<>();
        SecretsView.Builder view = SecretsView.builder()
                .imap(open(opened, imap))
                .portal(open(opened, portal))
                .pending(CredentialRef.IMAP, open(opened, pending));
        if (separateSmtp) {
            view.smtp(open(opened, smtp));
        }
        Diagnosis d = Doctor.diagnose(
                account.build(),
                account.provider(),
                view.build(),
                checks,
                List.of(DoctorFixtures.device("iPhone", DeviceType.IPHONE, Address.of(address), true)),
                CLOCK);
        List<String> outputs = new ArrayList<>();
        outputs.add(d.toString());
        for (Finding f : d.findings()) {
            outputs.add(f.toString());
            outputs.add(f.text(Locale.JAPANESE));
            outputs.add(f.text(Locale.ENGLISH));
        }
        for (String output : outputs) {
            for (String value : List.of(imap, pending, smtp, portal)) {
                assertThat(output).doesNotContain(value);
            }
        }
        assertThat(opened).allSatisfy(s -> assertThat(s.isDestroyed()).isFalse());
        opened.forEach(Secret::close);
    }

    private static Secret open(List<Secret> opened, String value) {
        Secret s = Secret.copyOf(value.toCharArray());
        opened.add(s);
        return s;
    }
}
