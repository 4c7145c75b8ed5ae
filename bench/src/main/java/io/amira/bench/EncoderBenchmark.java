package io.amira.bench;

import io.amira.api.AmiAction;
import io.amira.protocol.AmiEncoder;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Encoding actions with every header checked for CR/LF and length: a Ping and a 9-header
 * Originate appended to a reused {@link AmiEncoder}, and the one-shot {@code encode} to a byte[].
 *
 * <pre>java -jar bench/target/benchmarks.jar EncoderBenchmark -f 1 -wi 3 -i 5</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
public class EncoderBenchmark {

    private final AmiEncoder encoder = new AmiEncoder();
    private final AmiAction ping = AmiAction.of("Ping");
    private final AmiAction originate = AmiAction.builder("Originate")
            .header("Channel", "PJSIP/alice")
            .header("Context", "demo")
            .header("Exten", "100")
            .header("Priority", "1")
            .header("CallerID", "\"Alice\" <100>")
            .header("Timeout", "30000")
            .header("Async", "true")
            .header("Variable", "CAMPAIGN=spring")
            .header("Variable", "CUSTOMER=4711")
            .build();
    private long id;

    @Benchmark
    public int pingIntoReusedBuffer() {
        encoder.clear();
        encoder.append(ping, Long.toString(++id));
        return encoder.size();
    }

    @Benchmark
    public int originateIntoReusedBuffer() {
        encoder.clear();
        encoder.append(originate, Long.toString(++id));
        return encoder.size();
    }

    @Benchmark
    public byte[] originateToNewArray() {
        return AmiEncoder.encode(originate, Long.toString(++id));
    }
}
