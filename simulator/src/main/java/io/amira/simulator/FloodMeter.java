package io.amira.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * Measures the flood: starts a simulator, logs in one plain socket reader that only counts packets
 * (blank-line terminated), floods it flat out for a few seconds and prints events per second.
 * <pre>java -cp simulator/target/amira-simulator.jar io.amira.simulator.FloodMeter [seconds] [small|newstate] [slowReaderTimeoutMs]</pre>
 * The slow-reader timeout defaults to 1000 ms here: on a shared, loaded machine the counting
 * reader can be descheduled for longer than Asterisk's 100 ms.
 */
public final class FloodMeter {
    private FloodMeter() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        String kind = args.length > 1 ? args[1] : "small";
        FloodSpec spec = kind.equals("newstate") ? newstate() : FloodSpec.builder().count(0).build();
        long timeoutMs = args.length > 2 ? Long.parseLong(args[2]) : 1000;
        try (AmiSimulator sim = AmiSimulator.start(SimulatorConfig.builder()
                .slowReaderTimeout(Duration.ofMillis(timeoutMs)).build());
             Socket socket = new Socket(sim.host(), sim.port())) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            out.write(("Action: Login\r\nUsername: admin\r\nSecret: amp111\r\nEvents: " + spec.eventClass + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] buf = new byte[256 * 1024];
            Counter counter = new Counter();
            while (counter.packets < 1) {
                counter.scan(buf, in.read(buf));
            }
            Flood flood = sim.flood(spec);
            long warmupEnd = System.nanoTime() + 1_000_000_000L;
            while (System.nanoTime() < warmupEnd) {
                counter.scan(buf, in.read(buf));
            }
            long startPackets = counter.packets;
            long startBytes = counter.bytes;
            long start = System.nanoTime();
            long end = start + seconds * 1_000_000_000L;
            while (System.nanoTime() < end) {
                int n = in.read(buf);
                if (n < 0) {
                    throw new IOException("the simulator closed the reader (slow reader?) after "
                            + (counter.packets - startPackets) + " events");
                }
                counter.scan(buf, n);
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            long events = counter.packets - startPackets;
            flood.stop();
            System.out.printf(Locale.ROOT, "flood %s: %d events of %d bytes in %.2f s = %,.0f events/s (%.1f MB/s) to one"
                    + " counting reader; slow-reader timeout %s ms%n", kind, events, flood.eventLength(), elapsed,
                    events / elapsed, (counter.bytes - startBytes) / elapsed / 1e6,
                    sim.faults.slowReaderTimeoutNanos / 1_000_000);
        }
    }

    private static FloodSpec newstate() {
        return FloodSpec.builder().event("Newstate", "call").count(0)
                .header("Channel", "PJSIP/alice-0000002a").header("ChannelState", "6").header("ChannelStateDesc", "Up")
                .header("CallerIDNum", "5551000").header("CallerIDName", "Alice").header("ConnectedLineNum", "5552000")
                .header("ConnectedLineName", "Bob").header("Language", "en").header("AccountCode", "")
                .header("Context", "demo").header("Exten", "100").header("Priority", "1")
                .header("Uniqueid", "1795383192.2").header("Linkedid", "1795383192.2").build();
    }

    /** Counts packets by their terminating blank line, across read boundaries. */
    private static final class Counter {
        long packets;
        long bytes;
        private final PacketEnds ends = new PacketEnds();

        void scan(byte[] buf, int len) {
            bytes += len;
            packets += ends.count(buf, len);
        }
    }
}
