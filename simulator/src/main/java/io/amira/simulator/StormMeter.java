package io.amira.simulator;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A call storm as a dialer or a call centre at 9:00 makes one (issue 19): logs in with events on,
 * sends {@code calls} async Originates of {@code Local/100@demo} (Application Wait, Data 2) in one
 * write, and follows every call's events until each has hung up. Against a simulator it starts
 * (no host given) or any AMI server, so the simulator's storm and a real Asterisk's can be put side
 * by side:
 * <pre>java -cp simulator/target/amira-simulator.jar io.amira.simulator.StormMeter [calls [host port user secret]]</pre>
 */
public final class StormMeter {
    /** What one storm looked like from the client's side. */
    static final class Storm {
        final int calls;
        int acks;
        int originateSuccesses;
        final List<String> originateActionIds = new ArrayList<>();
        /** Linkedid to the call's events in arrival order, "Event;N" with N the Local half (1 or 2). */
        final Map<String, List<String>> sequences = new LinkedHashMap<>();
        int deviceStateChanges;
        String lastDeviceState;
        long events;
        long startNanos;
        long lastEventNanos;
        final List<Long> originateResponseNanos = new ArrayList<>();
        final List<Long> lastHangupNanos = new ArrayList<>();
        /** Call of each call event in arrival order, for the interleaving figures. */
        final List<String> arrivalOrder = new ArrayList<>();
        private final Map<String, String> callOfUniqueid = new HashMap<>();
        private final Map<String, long[]> firstEventNanos = new HashMap<>();
        final List<Long> callNanos = new ArrayList<>();
        private int ended;

        Storm(int calls) {
            this.calls = calls;
        }

        boolean done() {
            return ended >= calls && deviceStateChanges >= 4 * calls;
        }

        /** Mean number of consecutive events of one call before another call's event comes. */
        double meanRun() {
            int runs = 0;
            String previous = null;
            for (String call : arrivalOrder) {
                if (!call.equals(previous)) {
                    runs++;
                    previous = call;
                }
            }
            return runs == 0 ? 0 : (double) arrivalOrder.size() / runs;
        }

        /** Most calls begun and not yet ended at one moment of the event stream. */
        int maxConcurrentCalls() {
            Map<String, Integer> left = new HashMap<>();
            for (Map.Entry<String, List<String>> e : sequences.entrySet()) {
                left.put(e.getKey(), e.getValue().size());
            }
            Map<String, Integer> seen = new HashMap<>();
            int open = 0;
            int max = 0;
            for (String call : arrivalOrder) {
                int n = seen.merge(call, 1, Integer::sum);
                if (n == 1) {
                    open++;
                }
                if (n == left.get(call)) {
                    open--;
                }
                max = Math.max(max, open);
            }
            return max;
        }

        private void accept(Map<String, String> p, long now) {
            events++;
            lastEventNanos = now;
            String event = p.get("Event");
            if (event == null) {
                if ("Originate successfully queued".equals(p.get("Message"))) {
                    acks++;
                }
                return;
            }
            if (event.equals("DeviceStateChange")) {
                deviceStateChanges++;
                lastDeviceState = p.get("State");
                return;
            }
            String call = callOf(event, p);
            if (call == null) {
                return;
            }
            String channel = p.getOrDefault("Channel", p.getOrDefault("DestChannel", ""));
            String side = channel.endsWith(";1") ? ";1" : channel.endsWith(";2") ? ";2" : "";
            sequences.computeIfAbsent(call, c -> new ArrayList<>()).add(event + side);
            arrivalOrder.add(call);
            firstEventNanos.computeIfAbsent(call, c -> new long[] {now});
            if (event.equals("OriginateResponse")) {
                originateActionIds.add(p.get("ActionID"));
                originateResponseNanos.add(now - startNanos);
                if ("Success".equals(p.get("Response"))) {
                    originateSuccesses++;
                }
            }
            if (event.equals("Hangup") && sequences.get(call).stream().filter(e -> e.startsWith("Hangup;")).count() == 2) {
                ended++;
                lastHangupNanos.add(now - startNanos);
                callNanos.add(now - firstEventNanos.get(call)[0]);
            }
        }

        private String callOf(String event, Map<String, String> p) {
            if (event.equals("OriginateResponse")) {
                return p.get("Uniqueid");
            }
            if (event.equals("Cdr")) {
                return callOfUniqueid.get(p.get("UniqueID"));
            }
            String call = null;
            for (String prefix : new String[] {"", "Dest", "LocalOne", "LocalTwo"}) {
                String linkedid = p.get(prefix + "Linkedid");
                if (linkedid != null) {
                    callOfUniqueid.put(p.get(prefix + "Uniqueid"), linkedid);
                    call = call == null ? linkedid : call;
                }
            }
            return call;
        }
    }

    private static final List<String> KEPT = List.of("Event", "Message", "Response", "ActionID", "State", "Channel",
            "DestChannel", "Uniqueid", "UniqueID", "Linkedid", "DestUniqueid", "DestLinkedid", "LocalOneUniqueid",
            "LocalOneLinkedid", "LocalTwoUniqueid", "LocalTwoLinkedid");

    private StormMeter() {
    }

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        Storm storm;
        String target;
        if (args.length >= 5) {
            target = "AMI server " + args[1] + ":" + args[2];
            storm = run(args[1], Integer.parseInt(args[2]), args[3], args[4], calls, Duration.ofSeconds(120));
        } else {
            target = "simulator";
            try (AmiSimulator sim = AmiSimulator.start(SimulatorConfig.builder()
                    .slowReaderTimeout(Duration.ofSeconds(1)).build())) {
                storm = run(sim.host(), sim.port(), "admin", "amp111", calls, Duration.ofSeconds(120));
            }
        }
        System.out.println(report(target, storm));
    }

    static String report(String target, Storm s) {
        double seconds = (s.lastEventNanos - s.startNanos) / 1e9;
        return String.format(Locale.ROOT, "storm of %d calls against the %s: %d acks, %d OriginateResponse Success,"
                + " %d calls ended, %,d packets in %.2f s (%,.0f/s); OriginateResponse after %s ms; last Hangup after %s ms;"
                + " call length %s ms; most calls at once %d; mean run of one call's events %.2f; calls without"
                + " UserEvent %d", s.calls, target, s.acks, s.originateSuccesses, s.ended, s.events, seconds,
                s.events / seconds, spread(s.originateResponseNanos), spread(s.lastHangupNanos), spread(s.callNanos),
                s.maxConcurrentCalls(), s.meanRun(),
                s.sequences.values().stream().filter(e -> !e.contains("UserEvent;2")).count());
    }

    /** min / median / max in milliseconds. */
    private static String spread(List<Long> nanos) {
        if (nanos.isEmpty()) {
            return "-";
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return sorted[0] / 1_000_000 + "/" + sorted[sorted.length / 2] / 1_000_000 + "/"
                + sorted[sorted.length - 1] / 1_000_000;
    }

    /** How the storm is started once the client is logged in. */
    interface Starter {
        void start(OutputStream out) throws IOException;
    }

    /**
     * Runs one storm of {@code calls} async Originates sent in one write and returns what the client
     * saw, once every call has ended or {@code timeout} passed.
     */
    static Storm run(String host, int port, String user, String secret, int calls, Duration timeout) throws IOException {
        return run(host, port, user, secret, calls, timeout, out -> {
            StringBuilder originates = new StringBuilder();
            for (int i = 1; i <= calls; i++) {
                originates.append("Action: Originate\r\nActionID: o-").append(i).append("\r\nChannel: Local/100@demo\r\n")
                        .append("Application: Wait\r\nData: 2\r\nAsync: true\r\n\r\n");
            }
            out.write(originates.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
        });
    }

    /** Follows a storm of {@code calls} calls that {@code starter} begins (e.g. AmiSimulator.placeCalls). */
    static Storm run(String host, int port, String user, String secret, int calls, Duration timeout, Starter starter)
            throws IOException {
        Storm storm = new Storm(calls);
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(5000);
            InputStream in = new BufferedInputStream(socket.getInputStream(), 256 * 1024);
            OutputStream out = socket.getOutputStream();
            readLine(in, new ByteArrayOutputStream());
            out.write(("Action: Login\r\nActionID: login\r\nUsername: " + user + "\r\nSecret: " + secret
                    + "\r\nEvents: on\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            Map<String, String> p;
            do {
                p = readPacket(in);
            } while (!"login".equals(p.get("ActionID")));
            if (!"Success".equals(p.get("Response"))) {
                throw new IOException("login refused: " + p.get("Message"));
            }
            storm.startNanos = System.nanoTime();
            starter.start(out);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!storm.done() && System.nanoTime() < deadline) {
                try {
                    storm.accept(readPacket(in), System.nanoTime());
                } catch (SocketTimeoutException e) {
                    // Nothing for 5 s: the calls still up end later, or never; the deadline decides.
                    continue;
                }
            }
            out.write("Action: Logoff\r\nActionID: bye\r\n\r\n".getBytes(StandardCharsets.UTF_8));
        }
        return storm;
    }

    /** The headers a storm needs of the next packet (first value of each). */
    private static Map<String, String> readPacket(InputStream in) throws IOException {
        Map<String, String> p = new HashMap<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        String l;
        while (!(l = readLine(in, line)).isEmpty() || p.isEmpty()) {
            int colon = l.indexOf(':');
            if (colon > 0) {
                String name = l.substring(0, colon);
                if (KEPT.contains(name)) {
                    p.putIfAbsent(name, l.substring(colon + 1).trim());
                }
            }
        }
        return p;
    }

    private static String readLine(InputStream in, ByteArrayOutputStream line) throws IOException {
        line.reset();
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) {
                throw new IOException("the server closed the connection");
            }
            if (c != '\r') {
                line.write(c);
            }
        }
        return line.toString(StandardCharsets.UTF_8);
    }
}
