package io.amira.inbound;

import jakarta.resource.spi.InvalidPropertyException;
import org.junit.jupiter.api.Test;

import java.beans.PropertyDescriptor;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import static io.amira.inbound.TestEvents.event;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AmiActivationSpecTest {

    @Test
    void defaultsAreValid() {
        AmiActivationSpec spec = new AmiActivationSpec();
        assertDoesNotThrow(spec::validate, "the user and secret may come from the resource adapter");
        spec.setResourceAdapter(new io.amira.AmiraResourceAdapter());
        InvalidPropertyException missing = assertThrows(InvalidPropertyException.class, spec::validate);
        assertTrue(missing.getMessage().contains("username is missing: set Username (amira.username, AMIRA_USERNAME)"),
                missing.getMessage());
        spec.setUsername("admin");
        spec.setSecret("amp111");
        assertDoesNotThrow(spec::validate);
        InboundConfig config = spec.inboundConfig();
        assertEquals(OrderingMode.CALL, config.ordering());
        assertEquals(8, config.concurrency());
        assertEquals(64L * 1024 * 1024, config.bufferCapacityBytes());
        assertTrue(config.lifecycleEvents());
        assertEquals("on", config.filter().loginEventMask());
    }

    @Test
    void aConfigPrefixNamesThatServersKeysInTheErrors() {
        AmiActivationSpec spec = new AmiActivationSpec();
        spec.setResourceAdapter(new io.amira.AmiraResourceAdapter());
        spec.setConfigPrefix("amira.pbx2");

        InvalidPropertyException missing = assertThrows(InvalidPropertyException.class, spec::validate);

        assertTrue(missing.getMessage().contains("set Username (amira.pbx2.username, AMIRA_PBX2_USERNAME)"), missing.getMessage());
        assertTrue(spec.toString().contains("ConfigPrefix=amira.pbx2"), spec.toString());
    }

    @Test
    void validateReportsEveryBadPropertyAtOnce() {
        AmiActivationSpec spec = new AmiActivationSpec();
        spec.setEventClasses("call,bogus");
        spec.setHeaderMatch("no colon here");
        spec.setOrdering("sometimes");
        spec.setConcurrency(0);
        spec.setBufferCapacityBytes(0L);
        spec.setPort(70000);
        spec.setAuthType("kerberos");
        spec.setReconnectInitialDelayMillis(1000L);
        spec.setReconnectMaxDelayMillis(10L);

        InvalidPropertyException e = assertThrows(InvalidPropertyException.class, spec::validate);

        for (String expected : new String[] {"eventClasses: 'bogus'", "headerMatch: 'no colon here'",
                "ordering: 'sometimes'", "concurrency: 0", "bufferCapacityBytes: 0", "port 70000 is not in 1..65535",
                "AuthType: 'kerberos' is not md5 or plain", "reconnectMaxDelayMillis: 10"}) {
            assertTrue(e.getMessage().contains(expected), () -> expected + " missing from: " + e.getMessage());
        }
        Set<String> named = Arrays.stream(e.getInvalidPropertyDescriptors())
                .map(PropertyDescriptor::getName).collect(Collectors.toSet());
        assertEquals(Set.of("eventClasses", "headerMatch", "ordering", "concurrency", "bufferCapacityBytes", "port",
                "authType", "reconnectMaxDelayMillis"), named, "JavaBean names of the properties");
    }

    @Test
    void theSecretNeverAppearsInToString() {
        AmiActivationSpec spec = new AmiActivationSpec();
        spec.setUsername("admin");
        spec.setSecret("amp111-very-secret");
        assertFalse(spec.toString().contains("amp111-very-secret"));
    }

    @Test
    void filterCombinesNamesClassesAndHeaderMatches() {
        AmiActivationSpec spec = new AmiActivationSpec();
        spec.setEventNames("QueueCallerJoin, QueueCallerLeave");
        spec.setEventClasses("agent");
        spec.setHeaderMatch("Queue: support");
        EventFilter filter = spec.inboundConfig().filter();

        assertTrue(filter.accepts(event("QueueCallerJoin", "Privilege", "agent,all", "Queue", "support")));
        assertTrue(filter.accepts(event("queuecallerleave", "Privilege", "agent,all", "Queue", "support")));
        assertFalse(filter.accepts(event("QueueCallerJoin", "Privilege", "agent,all", "Queue", "sales")));
        assertFalse(filter.accepts(event("QueueCallerJoin", "Privilege", "call,all", "Queue", "support")));
        assertFalse(filter.accepts(event("Newchannel", "Privilege", "agent,all", "Queue", "support")));
        assertFalse(filter.accepts(event("QueueCallerJoin", "Queue", "support")), "no Privilege header");
        assertEquals("agent", filter.loginEventMask());
    }

    @Test
    void severalHeaderMatchesMustAllHold() {
        AmiActivationSpec spec = new AmiActivationSpec();
        spec.setHeaderMatch("Context: demo; Exten: 100");
        EventFilter filter = spec.inboundConfig().filter();

        assertTrue(filter.accepts(event("Newexten", "Context", "demo", "Exten", "100")));
        assertFalse(filter.accepts(event("Newexten", "Context", "demo", "Exten", "200")));
        assertTrue(filter.accepts(event("Newexten", "context", "demo", "EXTEN", "100")), "header names ignore case");
    }

    @Test
    void classAllMeansNoMask() {
        AmiActivationSpec spec = new AmiActivationSpec();
        spec.setEventClasses("all");
        EventFilter filter = spec.inboundConfig().filter();
        assertEquals("on", filter.loginEventMask());
        assertTrue(filter.accepts(event("FullyBooted", "Privilege", "system,all")));
    }

    @Test
    void everyManagerHPrivilegeClassIsAccepted() {
        AmiActivationSpec spec = new AmiActivationSpec();
        spec.setEventClasses("system,call,log,verbose,command,agent,user,config,dtmf,reporting,cdr,dialplan,"
                + "originate,agi,cc,aoc,test,security");
        assertDoesNotThrow(spec::validate);
    }
}
