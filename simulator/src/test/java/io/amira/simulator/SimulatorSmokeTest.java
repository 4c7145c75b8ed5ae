package io.amira.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatorSmokeTest {

    @Test
    void loginPingOriginateLogoff() throws Exception {
        try (AmiSimulator sim = AmiSimulator.start(); RawAmiClient c = new RawAmiClient(sim)) {
            assertEquals("Asterisk Call Manager/11.0.0\r\n", c.readBanner());
            c.action("Action", "Login", "ActionID", "1", "Username", "admin", "Secret", "amp111", "Events", "on");
            assertEquals("Authentication accepted", RawAmiClient.get(c.readUntil("ActionID", "1"), "Message"));
            c.action("Action", "Ping", "ActionID", "2");
            assertEquals("Pong", RawAmiClient.get(c.readUntil("ActionID", "2"), "Ping"));
            c.action("Action", "Originate", "ActionID", "o", "Channel", "Local/100@demo", "Application", "Wait",
                    "Data", "2", "Async", "true");
            List<String> names = new ArrayList<>();
            List<String[]> p;
            do {
                p = c.readPacket();
                String ev = RawAmiClient.get(p, "Event");
                names.add(ev == null ? "R:" + RawAmiClient.get(p, "Response") : ev);
            } while (!"NOT_INUSE".equals(RawAmiClient.get(p, "State")) || !names.contains("Cdr"));
            assertTrue(names.contains("OriginateResponse"), names.toString());
            assertTrue(names.contains("UserEvent"), names.toString());
            c.action("Action", "Logoff", "ActionID", "3");
            assertEquals("Goodbye", RawAmiClient.get(c.readUntil("ActionID", "3"), "Response"));
            assertTrue(c.closedWithin(Duration.ofSeconds(5)));
            assertEquals(1, sim.logins());
        }
    }
}
