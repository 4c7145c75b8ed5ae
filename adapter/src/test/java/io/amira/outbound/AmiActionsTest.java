package io.amira.outbound;

import io.amira.api.AmiAction;
import io.amira.api.AmiActions;
import io.amira.api.ChannelState;
import io.amira.api.DeviceState;
import io.amira.api.ExtensionStatus;
import io.amira.api.HangupCause;
import io.amira.api.InvalidHeaderException;
import io.amira.api.OriginateReason;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AmiActionsTest {

    @Test
    void originateCarriesEveryHeaderInOrderWithRepeatedVariables() {
        AmiAction action = AmiActions.originate("Local/100@demo").toExtension("demo", "100", 1)
                .timeout(Duration.ofSeconds(30)).callerId("\"AMI Test\" <1234>")
                .variable("FOO", "bar").variable("BAZ", "qux").async(true).build();

        assertEquals("Originate", action.name());
        assertEquals(List.of("Channel=Local/100@demo", "Context=demo", "Exten=100", "Priority=1", "Timeout=30000",
                "CallerID=\"AMI Test\" <1234>", "Variable=FOO=bar", "Variable=BAZ=qux", "Async=true"), headers(action));
    }

    @Test
    void updateConfigNumbersItsChangesTheWayAsteriskExpects() {
        AmiAction action = AmiActions.updateConfig("manager.conf", "manager.conf").reload("manager")
                .newCategory("ops").append("ops", "secret", "s3")
                .update("ops", "read", "all", "call").delete("ops", "write", null).build();

        assertEquals(List.of("SrcFilename=manager.conf", "DstFilename=manager.conf", "Reload=manager",
                "Action-000000=NewCat", "Cat-000000=ops",
                "Action-000001=Append", "Cat-000001=ops", "Var-000001=secret", "Value-000001=s3",
                "Action-000002=Update", "Cat-000002=ops", "Var-000002=read", "Value-000002=all", "Match-000002=call",
                "Action-000003=Delete", "Cat-000003=ops", "Var-000003=write"), headers(action));
    }

    @Test
    void redirectMovesTheExtraChannelToo() {
        AmiAction action = AmiActions.redirect("PJSIP/1-1").to("demo", "200", 1)
                .extraChannel("PJSIP/2-1", "demo", "300", 1).build();

        assertEquals("PJSIP/2-1", action.get("ExtraChannel"));
        assertEquals("300", action.get("ExtraExten"));
        assertThrows(IllegalStateException.class, () -> AmiActions.redirect("PJSIP/1-1").build());
    }

    @Test
    void optionalArgumentsLeaveTheirHeadersOut() {
        assertNull(AmiActions.getvar(null, "GLOBALVAR").get("Channel"));
        assertNull(AmiActions.queueStatus(null).get("Queue"));
        assertEquals("support", AmiActions.queueSummary("support").get("Queue"));
        assertEquals("16", AmiActions.hangup("PJSIP/1-1", HangupCause.NORMAL_CLEARING).get("Cause"));
        assertEquals("false", AmiActions.queuePause("support", "PJSIP/100", false, null).get("Paused"));
        assertEquals("reload", AmiActions.moduleLoad(null, AmiActions.ModuleLoadType.RELOAD).get("LoadType"));
    }

    @Test
    void everyNamedActionHasItsAmiName() {
        Map<String, AmiAction> actions = new LinkedHashMap<>();
        actions.put("Status", AmiActions.status());
        actions.put("Command", AmiActions.command("core show version"));
        actions.put("Setvar", AmiActions.setvar("PJSIP/1-1", "X", "1"));
        actions.put("ExtensionState", AmiActions.extensionState("100", "demo"));
        actions.put("MailboxCount", AmiActions.mailboxCount("100@default"));
        actions.put("MailboxStatus", AmiActions.mailboxStatus("100@default"));
        actions.put("QueueAdd", AmiActions.queueAdd("support", "PJSIP/100").penalty(2).paused(false).build());
        actions.put("QueueRemove", AmiActions.queueRemove("support", "PJSIP/100"));
        actions.put("QueuePenalty", AmiActions.queuePenalty("support", "PJSIP/100", 3));
        actions.put("DBGet", AmiActions.dbGet("fam", "key"));
        actions.put("DBPut", AmiActions.dbPut("fam", "key", "v"));
        actions.put("UserEvent", AmiActions.userEvent("Demo", Map.of("Foo", "bar")));
        actions.put("CoreSettings", AmiActions.coreSettings());
        actions.put("CoreStatus", AmiActions.coreStatus());
        actions.put("Atxfer", AmiActions.atxfer("PJSIP/1-1", "200", "demo"));
        actions.put("PlayDTMF", AmiActions.playDtmf("PJSIP/1-1", '5', Duration.ofMillis(250)));
        actions.put("AbsoluteTimeout", AmiActions.absoluteTimeout("PJSIP/1-1", Duration.ofSeconds(60)));
        actions.put("Park", AmiActions.park("PJSIP/1-1", "PJSIP/2-1", Duration.ofSeconds(45)));
        actions.put("ModuleCheck", AmiActions.moduleCheck("chan_pjsip"));
        actions.put("Monitor", AmiActions.monitor("PJSIP/1-1", "rec", "wav", true));
        actions.put("StopMonitor", AmiActions.stopMonitor("PJSIP/1-1"));
        actions.put("GetConfig", AmiActions.getConfig("manager.conf", null));
        actions.put("BridgeList", AmiActions.action("BridgeList").build());
        actions.forEach((name, action) -> assertEquals(name, action.name()));
        assertEquals("45000", actions.get("Park").get("Timeout"));
        assertEquals("60", actions.get("AbsoluteTimeout").get("Timeout"));
    }

    @Test
    void aCallerIdCannotSmuggleASecondAction() {
        assertThrows(InvalidHeaderException.class,
                () -> AmiActions.originate("Local/100@demo").callerId("x\r\nAction: Hangup").build());
    }

    @Test
    void codesMapToTheEnumsAndUnknownCodesDoNotFail() {
        assertEquals(HangupCause.USER_BUSY, HangupCause.fromHeader("17"));
        assertEquals(HangupCause.UNKNOWN, HangupCause.fromHeader("nonsense"));
        assertEquals(ChannelState.UP, ChannelState.fromHeader("6"));
        assertEquals(DeviceState.INUSE, DeviceState.fromHeader("INUSE"));
        assertEquals(DeviceState.NOT_INUSE, DeviceState.fromHeader("1"));
        assertEquals(ExtensionStatus.INUSE_RINGING, ExtensionStatus.fromHeader("9"));
        assertEquals(ExtensionStatus.UNKNOWN, ExtensionStatus.fromHeader(null));
        assertEquals(OriginateReason.ANSWERED, OriginateReason.fromHeader("4"));
        assertEquals(OriginateReason.FAILURE, OriginateReason.fromHeader("0"));
    }

    static List<String> headers(AmiAction action) {
        List<String> headers = new ArrayList<>();
        for (int i = 0; i < action.size(); i++) {
            headers.add(action.headerName(i) + "=" + action.headerValue(i));
        }
        return headers;
    }
}
