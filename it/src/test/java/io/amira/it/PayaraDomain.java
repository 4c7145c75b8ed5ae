package io.amira.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The Payara Server 6 domain the integration tests run on, owned by the test JVM from start to
 * stop. {@code asadmin create-domain} makes a template once per build ({@code target/payara-template},
 * Hazelcast off: a single test server needs no data grid and boots faster without it; heap as
 * WildFly's); every run copies it afresh to {@code target/payara-domains/amira-it} with free ports, starts it with
 * {@code asadmin start-domain} (the adapter's MicroProfile Config properties as a pre-boot command)
 * and stops it when the run ends, from a shutdown hook as well; a server that a killed earlier run
 * left behind is stopped first. Arquillian only deploys to its admin port.
 */
public final class PayaraDomain {

    public static final String NAME = "amira-it";

    /** create-domain's --portbase for the template; each run moves every port to a free base. */
    private static final int TEMPLATE_PORT_BASE = 31_000;
    /** Offsets from the port base of every port domain.xml holds (IIOP, admin, Hazelcast, JMS, HTTP, HTTPS, JMX). */
    private static final int[] PORT_OFFSETS = {37, 38, 39, 48, 49, 59, 76, 80, 81, 86};
    private static final int ADMIN_OFFSET = 48;
    private static final int HTTP_OFFSET = 80;
    private static final Pattern TEMPLATE_PORT = Pattern.compile("\"" + TEMPLATE_PORT_BASE / 100 + "(\\d\\d)\"");

    private static final Path TARGET = Path.of("target").toAbsolutePath();
    private static final Path TEMPLATE = TARGET.resolve("payara-template");
    private static final Path DOMAINS = TARGET.resolve("payara-domains");
    private static final Path ASADMIN_LOG = TARGET.resolve("payara-asadmin.log");
    private static final Duration BOOT_TIMEOUT = Duration.ofMinutes(10);

    private static volatile PayaraDomain running;

    private final int portBase;
    private final Thread shutdownHook = new Thread(this::stop, "payara-domain-stop");

    private PayaraDomain(int portBase) {
        this.portBase = portBase;
    }

    /** Creates (from the template) and starts the domain with these system properties; only one per JVM. */
    static PayaraDomain start(Map<String, String> systemProperties) {
        stopLeftover();
        createTemplateOnce();
        deleteRecursively(DOMAINS);
        copyRecursively(TEMPLATE, DOMAINS);
        PayaraDomain domain = new PayaraDomain(FreePorts.shift(PORT_OFFSETS, 10_000, 60_000, 100));
        domain.movePorts();
        Path preBoot = writePreBootCommands(systemProperties);
        Runtime.getRuntime().addShutdownHook(domain.shutdownHook);
        running = domain;
        asadmin(BOOT_TIMEOUT.plusMinutes(1), "start-domain", "--domaindir", DOMAINS.toString(),
                "--prebootcommandfile", preBoot.toString(), "--timeout", Long.toString(BOOT_TIMEOUT.toSeconds()), NAME);
        return domain;
    }

    /** The domain this run started. */
    public static PayaraDomain current() {
        PayaraDomain domain = running;
        if (domain == null) {
            throw new IllegalStateException("No Payara domain was started in this run (-Damira.it.server=payara)");
        }
        return domain;
    }

    public int adminPort() {
        return portBase + ADMIN_OFFSET;
    }

    public int httpPort() {
        return portBase + HTTP_OFFSET;
    }

    /** The domain directory, {@code target/payara-domains/amira-it}. */
    public static Path directory() {
        return DOMAINS.resolve(NAME);
    }

    static Path serverLog() {
        return directory().resolve("logs").resolve("server.log");
    }

    /**
     * Runs a remote asadmin command against this domain ({@code asadmin --port <admin> <args>});
     * returns its output, fails with it on a non-zero exit.
     */
    public String asadmin(String... args) {
        List<String> all = new ArrayList<>(List.of("--host", "127.0.0.1", "--port", Integer.toString(adminPort())));
        all.addAll(List.of(args));
        return asadmin(Duration.ofMinutes(5), all.toArray(String[]::new));
    }

    /** Stops the domain this run started, if any. */
    static void stopIfRunning() {
        PayaraDomain domain = running;
        if (domain != null) {
            domain.stop();
        }
    }

    /** Stops the domain (stop-domain, then the process itself if it is still there); idempotent. */
    private synchronized void stop() {
        if (running != this) {
            return;
        }
        running = null;
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // called from the hook itself
        }
        ProcessHandle server = serverProcess().orElse(null);
        try {
            asadmin(Duration.ofMinutes(3), "stop-domain", "--domaindir", DOMAINS.toString(), NAME);
        } finally {
            if (server != null && server.isAlive()) {
                server.destroyForcibly();
            }
        }
    }

    /** The server JVM of the domain in target/payara-domains, known by its pid file. */
    private static Optional<ProcessHandle> serverProcess() {
        Path pidFile = directory().resolve("config").resolve("pid");
        try {
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            // commandLine(): Linux gives no arguments() for a command line as long as Payara's
            return ProcessHandle.of(pid).filter(process -> process.info().commandLine()
                    .map(commandLine -> commandLine.contains(DOMAINS.toString())).orElse(false));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A run killed before it could stop its server leaves that server running: end it. */
    private static void stopLeftover() {
        serverProcess().ifPresent(process -> {
            process.destroyForcibly();
            process.onExit().orTimeout(60, TimeUnit.SECONDS).join();
        });
    }

    private static void createTemplateOnce() {
        Path domainXml = TEMPLATE.resolve(NAME).resolve("config").resolve("domain.xml");
        if (Files.isRegularFile(domainXml)) {
            return;
        }
        deleteRecursively(TEMPLATE);
        asadmin(Duration.ofMinutes(5), "create-domain", "--checkports=false", "--portbase", Integer.toString(TEMPLATE_PORT_BASE),
                "--nopassword", "--domaindir", TEMPLATE.toString(), NAME);
        // The server's own configuration (the first one; default-config's carries an attribute).
        String xml = read(domainXml);
        String hazelcast = "<hazelcast-config-specific-configuration>";
        if (!xml.contains(hazelcast)) {
            throw new IllegalStateException("No " + hazelcast + " in " + domainXml + ": has Payara's domain.xml changed?");
        }
        // The heap WildFly gets in arquillian.xml: 100 concurrent callers and 20 sessions must not pause the readers.
        write(domainXml, xml.replaceFirst(Pattern.quote(hazelcast), "<hazelcast-config-specific-configuration enabled=\"false\">")
                .replaceFirst(Pattern.quote("<jvm-options>-Xmx512m</jvm-options>"), "<jvm-options>-Xmx768m</jvm-options>"));
    }

    private void movePorts() {
        Path domainXml = directory().resolve("config").resolve("domain.xml");
        Matcher ports = TEMPLATE_PORT.matcher(read(domainXml));
        StringBuilder moved = new StringBuilder();
        int count = 0;
        while (ports.find()) {
            ports.appendReplacement(moved, "\"" + (portBase + Integer.parseInt(ports.group(1))) + "\"");
            count++;
        }
        ports.appendTail(moved);
        if (count < 8) {
            throw new IllegalStateException("Found " + count + " ports of base " + TEMPLATE_PORT_BASE + " in " + domainXml
                    + ": has Payara's domain.xml changed?");
        }
        write(domainXml, moved.toString());
    }

    /** create-system-properties as a pre-boot command: the domain's system properties, as an admin sets them. */
    private static Path writePreBootCommands(Map<String, String> systemProperties) {
        String properties = systemProperties.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue().replace(":", "\\:"))
                .collect(Collectors.joining(":"));
        Path file = TARGET.resolve("payara-preboot.asadmin");
        write(file, "create-system-properties " + properties + System.lineSeparator());
        return file;
    }

    /** asadmin as Payara ships it (its admin-cli.jar) on this JVM's Java; output appended to target/payara-asadmin.log. */
    private static String asadmin(Duration timeout, String... args) {
        Path cli = Path.of(System.getProperty("payara.home"), "glassfish", "modules", "admin-cli.jar");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", cli.toString()));
        command.addAll(List.of(args));
        try {
            Path output = Files.createTempFile(TARGET, "asadmin", ".out");
            try {
                Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
                boolean ended = process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
                if (!ended) {
                    process.destroyForcibly();
                }
                String text = Files.readString(output);
                Files.writeString(ASADMIN_LOG, "$ asadmin " + String.join(" ", args) + System.lineSeparator() + text,
                        StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
                if (!ended || process.exitValue() != 0) {
                    throw new IllegalStateException("asadmin " + String.join(" ", args)
                            + (ended ? " failed (" + process.exitValue() + ")" : " did not end within " + timeout) + ":\n" + text);
                }
                return text;
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run asadmin " + String.join(" ", args), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running asadmin " + String.join(" ", args), e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyRecursively(Path from, Path to) {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Files.copy(path, to.resolve(from.relativize(path).toString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not copy " + from + " to " + to, e);
        }
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + root, e);
        }
    }
}
