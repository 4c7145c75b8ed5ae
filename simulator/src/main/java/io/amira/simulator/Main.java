package io.amira.simulator;

/** Placeholder replaced below. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws Exception {
        AmiSimulator sim = AmiSimulator.start(SimulatorConfig.builder().port(5038).build());
        Runtime.getRuntime().addShutdownHook(new Thread(sim::close));
        Thread.currentThread().join();
    }
}
