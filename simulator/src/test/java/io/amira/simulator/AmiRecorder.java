package io.amira.simulator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Records what a real Asterisk sends, run by hand (not a test): plays a script
 * ({@link ScriptPlayer}) and writes every byte received to {@code OUT.rx}, the bytes sent to
 * {@code OUT.tx}, and for each packet received the milliseconds since the first to {@code OUT.times}.
 * <pre>
 * mvn -q -pl simulator test-compile
 * java -cp simulator/target/test-classes io.amira.simulator.AmiRecorder SCRIPT OUT [host [port]]
 * </pre>
 */
public final class AmiRecorder {
    private AmiRecorder() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: AmiRecorder SCRIPT OUT [host [port]]");
            System.exit(2);
        }
        String host = args.length > 2 ? args[2] : "127.0.0.1";
        int port = args.length > 3 ? Integer.parseInt(args[3]) : 5038;
        ScriptPlayer recording = ScriptPlayer.play(Files.readString(Path.of(args[0])), host, port);
        String out = args[1];
        Files.write(Path.of(out + ".tx"), recording.sent());
        Files.write(Path.of(out + ".rx"), recording.received());
        List<Long> times = recording.packetTimes();
        StringBuilder text = new StringBuilder();
        for (long t : times) {
            text.append(t / 1_000_000).append('\n');
        }
        Files.writeString(Path.of(out + ".times"), text);
        System.out.printf(Locale.ROOT, "%s: %d bytes, %d packets over %.3f s%n", out, recording.received().length,
                times.size(), times.isEmpty() ? 0 : times.get(times.size() - 1) / 1e9);
    }
}
