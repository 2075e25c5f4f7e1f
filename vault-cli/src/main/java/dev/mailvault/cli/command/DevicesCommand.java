package dev.mailvault.cli.command;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.mailvault.cli.ExitCodes;
import dev.mailvault.cli.Texts;
import dev.mailvault.cli.VaultSubcommand;
import dev.mailvault.cli.output.AccountJson;
import dev.mailvault.cli.output.Json;
import dev.mailvault.cli.output.Table;
import dev.mailvault.core.VaultSession;
import dev.mailvault.core.account.AccountInfo;
import dev.mailvault.core.account.AccountSpec;
import dev.mailvault.core.account.Address;
import dev.mailvault.core.devices.DeviceInfo;
import dev.mailvault.core.devices.StaleDevices;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vault devices [ADDRESS] [--stale]}: the registered devices, which of them still hold an
 * old password, and for each of those the steps to type the new one in. Exit 1 while any device
 * shown needs re-entry.
 */
@Command(name = "devices")
public final class DevicesCommand extends VaultSubcommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "ADDRESS", descriptionKey = "vault.devices.address")
    private String addressText;

    @Option(names = "--stale")
    private boolean staleOnly;

    @Mixin
    private JsonOption json;

    /** One device as shown: its uses after the ADDRESS and --stale filters. */
    private record Shown(DeviceInfo device, List<DeviceInfo.Use> uses) {}

    /** The stale uses of one device for one account, with the steps to enter the new value there. */
    private record Reentry(DeviceInfo device, Address account, List<String> credentials, List<String> steps) {}

    @Override
    public Integer call() {
        Optional<Address> only = Optional.ofNullable(addressText).map(this::address);
        List<DeviceInfo> devices;
        List<AccountSpec> accounts;
        ZoneId zone;
        try (VaultSession session = unlock()) {
            only.ifPresent(a -> account(session, a));
            devices = session.devices();
            accounts = session.accounts().stream().map(AccountInfo::spec).toList();
            zone = session.clock().getZone();
        }
        List<Shown> shown = shown(devices, only);
        List<Reentry> reentries = reentries(StaleDevices.list(devices, accounts, only, texts().locale()));
        if (json.json) {
            Json.print(out(), g -> writeJson(g, shown, reentries));
        } else {
            printText(shown, reentries, only, zone);
        }
        return reentries.isEmpty() ? ExitCodes.OK : ExitCodes.FINDINGS;
    }

    private List<Shown> shown(List<DeviceInfo> devices, Optional<Address> only) {
        List<Shown> shown = new ArrayList<>();
        for (DeviceInfo device : devices) {
            List<DeviceInfo.Use> uses = device.uses().stream()
                    .filter(u -> only.map(a -> a.compareTo(u.account()) == 0).orElse(true))
                    .filter(u -> !staleOnly || u.needsReentry())
                    .toList();
            // a device with no uses left (its accounts were removed) is still listed when nothing filters
            if (!uses.isEmpty() || (only.isEmpty() && !staleOnly)) {
                shown.add(new Shown(device, uses));
            }
        }
        return shown;
    }

    /** Groups the core's entries (ordered by device, account, credential) by device and account. */
    private static List<Reentry> reentries(List<StaleDevices.Entry> entries) {
        List<Reentry> grouped = new ArrayList<>();
        for (StaleDevices.Entry e : entries) {
            Reentry last = grouped.isEmpty() ? null : grouped.get(grouped.size() - 1);
            if (last != null
                    && last.device().id() == e.device().id()
                    && last.account().compareTo(e.account()) == 0) {
                last.credentials().add(e.credential().toString());
            } else {
                List<String> credentials = new ArrayList<>();
                credentials.add(e.credential().toString());
                grouped.add(new Reentry(e.device(), e.account(), credentials, e.steps()));
            }
        }
        return grouped;
    }

    private void printText(List<Shown> shown, List<Reentry> reentries, Optional<Address> only, ZoneId zone) {
        Texts t = texts();
        PrintWriter out = out();
        if (shown.isEmpty()) {
            if (staleOnly) {
                out.println(t.get("msg.noStaleDevices"));
            } else if (only.isPresent()) {
                out.println(t.get("msg.noDevicesFor", only.get()));
            } else {
                out.println(t.get("msg.noDevices"));
            }
            return;
        }
        Formats formats = new Formats(t, zone);
        Table table = new Table(
                t.get("col.device"),
                t.get("col.deviceType"),
                t.get("col.address"),
                t.get("col.password"),
                t.get("col.received"),
                t.get("col.reentryNeeded"));
        for (Shown s : shown) {
            String name = s.device().name();
            String type = Devices.typeName(s.device().type(), t);
            if (s.uses().isEmpty()) {
                table.row(name, type, "-", "-", "-", "-");
            }
            boolean first = true;
            for (DeviceInfo.Use use : s.uses()) {
                // the device's name and type only on its first row, so devices stand apart
                table.row(
                        first ? name : "",
                        first ? type : "",
                        use.account().value(),
                        use.credential().toString(),
                        formats.date(use.receivedAt()),
                        use.needsReentry() ? t.get("status.reentryNeeded") : "-");
                first = false;
            }
        }
        table.print(out);
        for (Reentry r : reentries) {
            out.println();
            out.println(t.get(
                    "msg.reentryTitle",
                    r.device().name(),
                    Devices.typeName(r.device().type(), t),
                    r.account(),
                    String.join(", ", r.credentials())));
            int n = 1;
            for (String step : r.steps()) {
                out.println("  " + n++ + ". " + step);
            }
            out.println(
                    "  " + t.get("msg.reentryDone", Devices.shellWord(r.device().name()), r.account()));
        }
    }

    private void writeJson(JsonGenerator g, List<Shown> shown, List<Reentry> reentries) throws IOException {
        g.writeStartObject();
        g.writeFieldName("devices");
        g.writeStartArray();
        for (Shown s : shown) {
            g.writeStartObject();
            g.writeStringField("name", s.device().name());
            g.writeStringField("type", s.device().type().id());
            g.writeStringField("type_name", Devices.typeName(s.device().type(), texts()));
            AccountJson.instant(g, "created_at", s.device().createdAt());
            g.writeBooleanField("stale", s.uses().stream().anyMatch(DeviceInfo.Use::needsReentry));
            g.writeFieldName("uses");
            g.writeStartArray();
            for (DeviceInfo.Use use : s.uses()) {
                g.writeStartObject();
                g.writeStringField("address", use.account().value());
                g.writeStringField("credential", use.credential().toString());
                AccountJson.instant(g, "received_at", use.receivedAt());
                g.writeBooleanField("needs_reentry", use.needsReentry());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeFieldName("reentry");
        g.writeStartArray();
        for (Reentry r : reentries) {
            g.writeStartObject();
            g.writeStringField("device", r.device().name());
            g.writeStringField("type", r.device().type().id());
            g.writeStringField("address", r.account().value());
            g.writeFieldName("credentials");
            g.writeStartArray();
            for (String c : r.credentials()) {
                g.writeString(c);
            }
            g.writeEndArray();
            g.writeFieldName("steps");
            g.writeStartArray();
            for (String step : r.steps()) {
                g.writeString(step);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }
}
