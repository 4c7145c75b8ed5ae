package io.amira.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Set;

/** CoreSettings, CoreStatus, DBGet, DBPut, Command. */
final class SystemActions {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final AmiSimulator sim;
    private final Pbx pbx;
    private final CliCommands cli;

    SystemActions(AmiSimulator sim, Pbx pbx) {
        this.sim = sim;
        this.pbx = pbx;
        this.cli = new CliCommands(pbx);
    }

    void register(ActionDispatcher d) {
        d.register("CoreSettings", this::coreSettings);
        d.register("CoreStatus", this::coreStatus);
        d.register("DBGet", this::dbGet);
        d.register("DBPut", this::dbPut);
        d.register("Command", this::command);
    }

    private void coreSettings(AmiSession s, Packet a) {
        s.send(Packet.response("Success", a.get("ActionID")).add("AMIversion", "11.0.0")
                .add("AsteriskVersion", CliCommands.VERSION).add("SystemName", sim.config.systemName)
                .add("CoreMaxCalls", 0).add("CoreMaxLoadAvg", "0.000000").add("CoreRunUser", "root")
                .add("CoreRunGroup", "root").add("CoreMaxFilehandles", 0).add("CoreRealTimeEnabled", "No")
                .add("CoreCDRenabled", "Yes").add("CoreHTTPenabled", "No").add("SoundsSearchCustomDir", "No"));
    }

    private void coreStatus(AmiSession s, Packet a) {
        Instant started = Instant.ofEpochMilli(sim.startMillis);
        int[] calls = pbx.call(() -> {
            Set<String> linked = new HashSet<>();
            for (Channel c : pbx.liveChannels()) {
                linked.add(c.linkedid);
            }
            return new int[] {linked.size(), (int) pbx.callsProcessed};
        });
        s.send(Packet.response("Success", a.get("ActionID")).add("CoreStartupDate", DATE.format(started))
                .add("CoreStartupTime", TIME.format(started)).add("CoreReloadDate", DATE.format(started))
                .add("CoreReloadTime", TIME.format(started)).add("CoreCurrentCalls", calls[0])
                .add("CoreProcessedCalls", calls[1]));
    }

    private void dbGet(AmiSession s, Packet a) {
        String family = a.value("Family");
        String key = a.value("Key");
        if (family.isEmpty()) {
            s.error(a, "No family specified.");
            return;
        }
        if (key.isEmpty()) {
            s.error(a, "No key specified.");
            return;
        }
        String value = pbx.call(() -> pbx.astdb.get(family + "/" + key));
        if (value == null) {
            s.error(a, "Database entry not found");
            return;
        }
        Packet item = new Packet().add("Event", "DBGetResponse").add("Family", family).add("Key", key)
                .add("Val", value).actionId(a.get("ActionID"));
        s.sendRaw((ListActions.listStart(a, "Result will follow").text() + item.text()
                + ListActions.listComplete("DBGetComplete", a, 1).text()).getBytes(StandardCharsets.UTF_8));
    }

    private void dbPut(AmiSession s, Packet a) {
        String family = a.value("Family");
        String key = a.value("Key");
        if (family.isEmpty()) {
            s.error(a, "No family specified");
            return;
        }
        if (key.isEmpty()) {
            s.error(a, "No key specified");
            return;
        }
        pbx.call(() -> pbx.astdb.put(family + "/" + key, a.value("Val")));
        s.ack(a, "Updated database successfully");
    }

    private void command(AmiSession s, Packet a) {
        String command = a.value("Command");
        if (command.isEmpty()) {
            s.error(a, "No command provided");
            return;
        }
        CliCommands.Result r = pbx.call(() -> cli.run(command));
        s.sendReply(new CommandReply(sim.config.commandStyle, r.ok, a.get("ActionID"), r.lines));
    }
}
