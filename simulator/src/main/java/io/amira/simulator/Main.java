package io.amira.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Command line: {@code java -jar amira-simulator.jar --port 5038 [options]}; Ctrl-C stops it. */
public final class Main {
    private static final Logger LOG = Logger.getLogger(Main.class.getName());
    /** Held strongly: java.util.logging keeps only weak references to loggers. */
    private static final Logger SIM_LOGGER = Logger.getLogger("io.amira.simulator");

    static final String USAGE = String.join("\n",
            "Usage: java -jar amira-simulator.jar [options]",
            "A fake Asterisk 22 AMI server (AMI 11.0.0) for tests, load and demos.",
            "  --port N                 TCP port (default 5038; 0 = any free port)",
            "  --bind ADDR              address to bind (default 127.0.0.1, loopback only)",
            "  --tls                    TLS with a self-signed certificate for 127.0.0.1/localhost;",
            "                           the trust store path is logged (PKCS12, password amira-sim)",
            "  --legacy-command         answer Command like Asterisk 13 and older (Response: Follows)",
            "  --user NAME:SECRET:READ:WRITE   add a user, classes as in manager.conf (e.g. all, call,user)",
            "  --no-default-users       drop admin/amp111, readonly/ro123, limited/lim123",
            "  --auth-limit N           concurrent unauthenticated sessions (default 50)",
            "  --failed-login-delay MS  delay before 'Authentication failed' (default 1000)",
            "  --slow-reader-timeout MS disconnect a reader whose write blocks longer (default 100, 0 = off)",
            "  --flood RATE[:COUNT]     flood each session that logs in with UserEvents, RATE per second",
            "                           (0 = flat out), COUNT events (0 or absent = until it disconnects)",
            "  --delay-responses MS     answer every action MS late",
            "  --split-writes N         cut every write into random pieces of at most N bytes",
            "  --generated-context NAME:EXTENSIONS   add a dialplan context of EXTENSIONS phone extensions",
            "                           (4 priorities each): 'dialplan show NAME' answers 4*EXTENSIONS+3 lines",
            "  --up-channels N          start with N channels up in Echo() (PJSIP/phone000001-...), e.g. for a",
            "                           CoreShowChannels of N items",
            "  --call-every MS          place a call to Local/100@demo (answers, UserEvent Demo, hangs up)",
            "                           every MS milliseconds, for demo traffic",
            "  --drop-every S           drop all connections every S seconds",
            "  --restart-every S        every S seconds drop all and refuse connections for 2 s",
            "  --help                   this text");

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tFT%1$tT.%1$tL %4$s %5$s%6$s%n");
        }
        // One line per session (INFO) and per action (FINE) on stderr.
        SIM_LOGGER.setLevel(Level.FINE);
        for (Handler h : Logger.getLogger("").getHandlers()) {
            h.setLevel(Level.FINE);
        }
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        if (o.help) {
            System.err.println(USAGE);
            return;
        }
        AmiSimulator sim = AmiSimulator.start(o.config.build());
        if (o.tls) {
            LOG.info(() -> "sim.tls trust store " + sim.trustStorePath() + " (" + sim.trustStoreType() + ")");
        }
        o.apply(sim);
        ScheduledExecutorService faults = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "amira-sim-cli-timers");
            t.setDaemon(true);
            return t;
        });
        if (o.dropEverySeconds > 0) {
            faults.scheduleAtFixedRate(sim::dropAllConnections, o.dropEverySeconds, o.dropEverySeconds, TimeUnit.SECONDS);
        }
        if (o.callEveryMillis > 0) {
            faults.scheduleAtFixedRate(() -> sim.placeCall("Local/100@demo", "Wait", "2"), o.callEveryMillis,
                    o.callEveryMillis, TimeUnit.MILLISECONDS);
        }
        if (o.restartEverySeconds > 0) {
            faults.scheduleAtFixedRate(() -> sim.refuseConnections(Duration.ofSeconds(2)), o.restartEverySeconds,
                    o.restartEverySeconds, TimeUnit.SECONDS);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            faults.shutdownNow();
            sim.close();
            // java.util.logging may already be shut down by its own hook: say it plainly.
            System.err.println("sim.stopped AMI simulator on port " + sim.port() + " closed");
            stopped.countDown();
        }, "amira-sim-shutdown"));
        LOG.info(() -> "sim.ready AMI simulator listening on " + sim.host() + ":" + sim.port() + " (Ctrl-C to stop)");
        stopped.await();
    }

    /** Parsed command line. */
    static final class Options {
        final SimulatorConfig.Builder config = SimulatorConfig.builder().port(5038);
        boolean help;
        boolean tls;
        FloodSpec flood;
        long delayMillis;
        int splitWrites;
        long dropEverySeconds;
        long callEveryMillis;
        long restartEverySeconds;

        static Options parse(String[] args) {
            Options o = new Options();
            List<String> users = new ArrayList<>();
            boolean noDefaults = false;
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--help": case "-h": o.help = true; break;
                    case "--port": o.config.port(intArg(args, ++i, a)); break;
                    case "--bind": o.config.bindAddress(arg(args, ++i, a)); break;
                    case "--tls": o.tls = true; o.config.tls(true); break;
                    case "--legacy-command": o.config.commandStyle(CommandStyle.LEGACY); break;
                    case "--user": users.add(arg(args, ++i, a)); break;
                    case "--no-default-users": noDefaults = true; break;
                    case "--auth-limit": o.config.authLimit(intArg(args, ++i, a)); break;
                    case "--failed-login-delay": o.config.failedLoginDelay(Duration.ofMillis(intArg(args, ++i, a))); break;
                    case "--slow-reader-timeout": o.config.slowReaderTimeout(Duration.ofMillis(intArg(args, ++i, a))); break;
                    case "--flood": o.flood = floodSpec(arg(args, ++i, a)); break;
                    case "--delay-responses": o.delayMillis = intArg(args, ++i, a); break;
                    case "--split-writes": o.splitWrites = intArg(args, ++i, a); break;
                    case "--drop-every": o.dropEverySeconds = intArg(args, ++i, a); break;
                    case "--call-every": o.callEveryMillis = intArg(args, ++i, a); break;
                    case "--restart-every": o.restartEverySeconds = intArg(args, ++i, a); break;
                    case "--generated-context": generatedContext(o.config, arg(args, ++i, a)); break;
                    case "--up-channels": o.config.upChannels(intArg(args, ++i, a)); break;
                    default: throw new IllegalArgumentException("Unknown option: " + a);
                }
            }
            if (noDefaults) {
                o.config.clearUsers();
            }
            for (String u : users) {
                String[] p = u.split(":", -1);
                if (p.length != 4) {
                    throw new IllegalArgumentException("--user wants NAME:SECRET:READ:WRITE, got " + p.length + " fields");
                }
                o.config.user(p[0], p[1], p[2], p[3]);
            }
            return o;
        }

        void apply(AmiSimulator sim) {
            if (flood != null) {
                sim.floodEachLogin(flood);
            }
            if (delayMillis > 0) {
                sim.delayResponses(Duration.ofMillis(delayMillis));
            }
            if (splitWrites > 0) {
                sim.splitWrites(splitWrites);
            }
        }

        private static void generatedContext(SimulatorConfig.Builder config, String value) {
            int colon = value.lastIndexOf(':');
            int extensions = colon > 0 ? DialplanRunner.parseInt(value.substring(colon + 1), -1) : -1;
            if (extensions < 1 || extensions > GeneratedContext.MAX_EXTENSIONS) {
                throw new IllegalArgumentException("--generated-context wants NAME:EXTENSIONS (1.."
                        + GeneratedContext.MAX_EXTENSIONS + "), got " + value);
            }
            config.generatedContext(value.substring(0, colon), extensions);
        }

        private static FloodSpec floodSpec(String value) {
            String[] p = value.split(":");
            try {
                return FloodSpec.builder().ratePerSecond(Long.parseLong(p[0]))
                        .count(p.length > 1 ? Long.parseLong(p[1]) : 0).build();
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--flood wants RATE[:COUNT], got " + value);
            }
        }

        private static String arg(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[i];
        }

        private static int intArg(String[] args, int i, String option) {
            try {
                return Integer.parseInt(arg(args, i, option));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " wants a number, got " + args[i]);
            }
        }
    }
}
