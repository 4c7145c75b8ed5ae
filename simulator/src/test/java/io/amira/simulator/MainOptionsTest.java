package io.amira.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MainOptionsTest {

    @Test
    void optionsBuildTheConfiguration() throws IOException {
        Main.Options o = Main.Options.parse(new String[] {"--port", "0", "--legacy-command", "--no-default-users",
            "--user", "ops:s3cret:call,user:call", "--flood", "100:5", "--delay-responses", "10"});
        SimulatorConfig c = o.config.build();
        assertEquals(0, c.port());
        assertEquals(CommandStyle.LEGACY, c.commandStyle());
        assertEquals(java.util.Set.of("ops"), c.users.keySet());
        assertEquals(100, o.flood.ratePerSecond());
        assertEquals(5, o.flood.count());
        assertEquals("127.0.0.1", c.bindAddress);
        try (AmiSimulator sim = AmiSimulator.start(c); RawAmiClient client = new RawAmiClient(sim)) {
            o.apply(sim);
            client.readBanner();
            client.action("Action", "Login", "ActionID", "l", "Username", "ops", "Secret", "s3cret", "Events", "user");
            assertEquals("Success", RawAmiClient.get(client.readUntil("ActionID", "l"), "Response"));
            assertEquals(5, FaultInjectionTest.countEvents(client, 5));
        }
        assertTrue(c.toString().contains("ops") && !c.toString().contains("s3cret"));
    }

    @Test
    void loadOptionsSizeTheDialplanAndTheChannels() throws IOException {
        SimulatorConfig c = Main.Options.parse(new String[] {"--generated-context", "big:1000", "--up-channels", "3"})
                .config.build();
        assertEquals(1000, c.dialplan.size("big")[0]);
        assertEquals(3, c.upChannels);
    }

    @Test
    void badOptionsAreExplained() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Main.Options.parse(new String[] {"--user", "x:y"}));
        assertTrue(e.getMessage().contains("NAME:SECRET:READ:WRITE"));
        assertThrows(IllegalArgumentException.class, () -> Main.Options.parse(new String[] {"--port"}));
        assertThrows(IllegalArgumentException.class, () -> Main.Options.parse(new String[] {"--bogus"}));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Main.Options.parse(new String[] {"--generated-context", "big"})).getMessage().contains("NAME:EXTENSIONS"));
        assertEquals(Duration.ofMillis(100), SimulatorConfig.defaults().slowReaderTimeout);
    }
}
