package dev.mailvault.cli.command;

import dev.mailvault.cli.ExitCodes;
import dev.mailvault.cli.Texts;
import dev.mailvault.cli.UsageError;
import dev.mailvault.cli.VaultSubcommand;
import dev.mailvault.core.VaultSession;
import dev.mailvault.core.account.AccountInfo;
import dev.mailvault.core.account.Address;
import dev.mailvault.core.account.CredentialInfo;
import dev.mailvault.core.account.CredentialKind;
import dev.mailvault.core.account.CredentialRef;
import dev.mailvault.core.crypto.Secret;
import dev.mailvault.core.devices.DeviceInfo;
import dev.mailvault.core.devices.ReentrySteps;
import dev.mailvault.core.provider.GenerateRules;
import dev.mailvault.core.provider.Portal;
import dev.mailvault.core.provider.Provider;
import dev.mailvault.core.rotation.RotationService;
import dev.mailvault.core.rotation.SameAsCurrentException;
import java.io.PrintWriter;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vault rotate ADDRESS}: stores the new value as pending (typed, or generated and never
 * printed), then says where to change it at the provider, which devices will need it, and how the
 * rotation completes. {@code --promote} and {@code --abandon} end a rotation by hand. What cannot be
 * undone (replacing a pending value, promoting without a check, dropping a pending value) asks
 * first at a terminal and needs {@code --yes} without one.
 */
@Command(name = "rotate")
public final class RotateCommand extends VaultSubcommand {
    @Parameters(index = "0", paramLabel = "ADDRESS", descriptionKey = "param.address")
    private String addressText;

    @Option(
            names = "--kind",
            paramLabel = "KIND",
            defaultValue = "imap",
            completionCandidates = Completions.Kinds.class)
    private String kind;

    @Option(names = "--generate")
    private boolean generate;

    @Option(names = "--length", paramLabel = "N")
    private Integer length;

    @Option(names = "--promote")
    private boolean promote;

    @Option(names = "--abandon")
    private boolean abandon;

    @Option(names = "--yes")
    private boolean yes;

    @Override
    public Integer call() {
        Address address = address(addressText);
        CredentialRef ref = credentialRef(kind);
        if (promote && abandon) {
            throw new UsageError(texts().get("err.conflict", "--promote", "--abandon"));
        }
        if ((promote || abandon) && (generate || length != null)) {
            throw new UsageError(texts().get(
                            "err.conflict", promote ? "--promote" : "--abandon", generate ? "--generate" : "--length"));
        }
        if (length != null && !generate) {
            throw new UsageError(texts().get("err.lengthNeedsGenerate"));
        }
        if ((promote || abandon) && !yes && !context().terminal().interactive()) {
            throw new UsageError(texts().get("err.needsYes", promote ? "--promote" : "--abandon"));
        }
        try (VaultSession session = unlock()) {
            AccountInfo account = account(session, address);
            // one value serves IMAP and SMTP on such accounts: rotating "smtp" rotates it
            CredentialRef target =
                    ref.kind() == CredentialKind.SMTP && account.spec().smtpSameAsImap() ? CredentialRef.IMAP : ref;
            CredentialInfo credential = account.credential(target)
                    .orElseThrow(() -> new UsageError(texts().get("err.noSuchCredential", ref, address)));
            RotationService rotation = new RotationService(session, catalog(), new SecureRandom());
            if (promote) {
                return promote(session, rotation, address, credential);
            }
            if (abandon) {
                return abandon(rotation, address, credential);
            }
            return start(session, rotation, account, credential);
        }
    }

    private int start(VaultSession session, RotationService rotation, AccountInfo account, CredentialInfo credential) {
        Texts t = texts();
        Address address = account.address();
        CredentialRef ref = credential.ref();
        Provider provider = rotation.providerOf(account);
        int generatedLength = generate ? generatedLength(provider) : 0;
        if (credential.hasPending()) {
            String since = new Formats(t, session.clock().getZone())
                    .date(credential.pendingSince().orElseThrow());
            if (!yes && !context().terminal().interactive()) {
                throw new UsageError(t.get("err.rotationInProgress", address, CheckReport.credentialName(ref), since));
            }
            if (!yes
                    && !Confirm.ask(
                            context().terminal(),
                            t.get("prompt.replacePending", address, CheckReport.credentialName(ref), since))) {
                out().println(t.get("msg.rotate.keptPending", address));
                return ExitCodes.OK;
            }
        }
        RotationService.Started started;
        if (generate) {
            started = rotation.start(address, ref, null, true, Optional.ofNullable(length));
        } else {
            try (Secret typed = secrets().read(t.get("what.newPassword", CheckReport.credentialName(ref), address))) {
                started = rotation.start(address, ref, typed, false, Optional.empty());
            } catch (SameAsCurrentException e) {
                throw new UsageError(t.get("err.sameAsCurrent"));
            }
        }
        PrintWriter out = out();
        if (generate) {
            out.println(t.get("msg.rotate.generated", address, CheckReport.credentialName(ref), generatedLength));
            out.println(
                    "  vault get " + address + " --pending" + (ref.equals(CredentialRef.IMAP) ? "" : " --kind " + ref));
        } else {
            out.println(t.get("msg.rotate.stored", address, CheckReport.credentialName(ref)));
        }
        out.println();
        printWhere(out, provider);
        out.println();
        printDevices(out, address, started.devices());
        out.println();
        if (ref.kind() == CredentialKind.IMAP || ref.kind() == CredentialKind.SMTP) {
            out.println(t.get("msg.rotate.verifyNext", address));
        } else {
            out.println(t.get("msg.rotate.promoteNext", address, ref));
        }
        return ExitCodes.OK;
    }

    /** The length to generate; refuses {@code --generate} in the user's language, with the provider's reason. */
    private int generatedLength(Provider provider) {
        Texts t = texts();
        GenerateRules rules = provider.generate();
        Optional<String> refusal = rules.refusal(t.locale());
        if (refusal.isPresent()) {
            throw new UsageError(t.get("err.generateRefused", provider.name(t.locale()), refusal.get()));
        }
        if (length != null && (length < rules.minLength() || length > rules.maxLength())) {
            throw new UsageError(t.get(
                    "err.generateLength",
                    String.valueOf(length),
                    provider.name(t.locale()),
                    rules.minLength(),
                    rules.maxLength()));
        }
        return length != null ? length : rules.defaultLength();
    }

    private void printWhere(PrintWriter out, Provider provider) {
        Texts t = texts();
        String name = provider.name(t.locale());
        Optional<Portal> portal = provider.portal();
        if (provider.isGeneric()) {
            out.println(t.get("msg.rotate.whereGeneric"));
        } else if (portal.isEmpty()) {
            out.println(t.get("msg.rotate.whereUnknown", name));
        } else {
            Portal p = portal.get();
            out.println(t.get("msg.rotate.where", name, p.name().get(t.locale()), p.url()));
            List<String> steps = p.steps(t.locale());
            for (int i = 0; i < steps.size(); i++) {
                out.println("  " + (i + 1) + ". " + steps.get(i));
            }
        }
        if (!provider.isGeneric()) {
            out.println("  " + t.get("msg.passwordKind", name, provider.passwordKindDescription(t.locale())));
        }
        provider.unconfirmedNotice(t.locale()).ifPresent(n -> out.println("  " + n));
    }

    private void printDevices(PrintWriter out, Address address, List<DeviceInfo> devices) {
        Texts t = texts();
        if (devices.isEmpty()) {
            out.println(t.get("msg.rotate.noDevices"));
            return;
        }
        out.println(t.get("msg.rotate.devices", devices.size()));
        for (DeviceInfo device : devices) {
            out.println("  - " + device.name() + " (" + ReentrySteps.typeName(device.type(), t.locale()) + ")");
        }
    }

    private int promote(VaultSession session, RotationService rotation, Address address, CredentialInfo credential) {
        Texts t = texts();
        String which = CheckReport.credentialName(credential.ref());
        if (!credential.hasPending()) {
            throw new UsageError(t.get("err.noRotation", address, which));
        }
        if (!yes && !Confirm.ask(context().terminal(), t.get("prompt.promote", address, which))) {
            out().println(t.get("msg.rotate.notPromoted", address));
            return ExitCodes.OK;
        }
        rotation.promoteUnverified(address, credential.ref());
        long stale = CheckReport.staleDevices(session, address, credential.ref());
        out().println(
                        stale == 0
                                ? t.get("msg.rotate.promoted", address, which)
                                : t.get("msg.rotate.promotedDevices", address, which, stale));
        return ExitCodes.OK;
    }

    private int abandon(RotationService rotation, Address address, CredentialInfo credential) {
        Texts t = texts();
        String which = CheckReport.credentialName(credential.ref());
        if (!credential.hasPending()) {
            throw new UsageError(t.get("err.noRotation", address, which));
        }
        if (!yes && !Confirm.ask(context().terminal(), t.get("prompt.abandon", address, which))) {
            out().println(t.get("msg.rotate.keptPending", address));
            return ExitCodes.OK;
        }
        rotation.abandon(address, credential.ref());
        out().println(t.get("msg.rotate.abandoned", address, which));
        return ExitCodes.OK;
    }
}
