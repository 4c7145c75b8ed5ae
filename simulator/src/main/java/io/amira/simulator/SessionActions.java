package io.amira.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Login, Challenge, Logoff, Ping, Events, Filter, ListCommands, UserEvent. */
final class SessionActions {
    private static final Logger LOG = Logger.getLogger(SessionActions.class.getName());
    private static final DateTimeFormatter EVENT_TV = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    private final AmiSimulator sim;

    SessionActions(AmiSimulator sim) {
        this.sim = sim;
    }

    void register(ActionDispatcher d) {
        d.register("Login", this::login);
        d.register("Challenge", this::challenge);
        d.register("Logoff", this::logoff);
        d.register("Ping", this::ping);
        d.register("Events", this::events);
        d.register("Filter", this::filter);
        d.register("ListCommands", this::listCommands);
        d.register("UserEvent", this::userEvent);
    }

    private void login(AmiSession s, Packet a) {
        if (s.authenticated) {
            s.ack(a, "Already authenticated");
            return;
        }
        String username = a.value("Username");
        UserAccount u = sim.config.users.get(username);
        boolean ok;
        if ("md5".equalsIgnoreCase(a.value("AuthType"))) {
            ok = u != null && s.challenge != null && md5Hex(s.challenge + u.secret).equalsIgnoreCase(a.value("Key"));
        } else {
            ok = u != null && u.secret.equals(a.value("Secret"));
        }
        if (!ok) {
            LOG.info(() -> "sim.login failed session=" + s.id() + " user=" + username + " peer=" + s.peer());
            s.ending = true;
            sleep(sim.config.failedLoginDelay.toMillis());
            s.error(a, "Authentication failed");
            s.endAfterReplies();
            return;
        }
        s.loggedIn(u);
        sim.counters.logins.incrementAndGet();
        String events = a.get("Events");
        if (events != null) {
            s.eventMask = EventClass.parseEventMask(events);
        }
        LOG.info(() -> "sim.login ok session=" + s.id() + " user=" + username + " events=" + (events == null ? "default" : events));
        s.ack(a, "Authentication accepted");
        Packet booted = Packet.event("FullyBooted", EventClass.privilege(EventClass.SYSTEM))
                .add("Uptime", sim.uptimeSeconds()).add("LastReload", sim.uptimeSeconds()).add("Status", "Fully Booted");
        if (s.accepts(EventClass.SYSTEM, booted)) {
            s.send(booted);
        }
        Packet auth = successfulAuth(s, u, a.get("AuthType") != null);
        // Asterisk raises SuccessfulAuth asynchronously; a session that just logged in with the
        // default mask does not see its own (transcript 00), one that asked for events does (06).
        for (AmiSession other : sim.sessions.all()) {
            if (other == s && events != null && s.accepts(EventClass.SECURITY, auth)) {
                s.send(auth);
            } else if (other != s && other.accepts(EventClass.SECURITY, auth)) {
                other.deliverEvent(auth.encode());
            }
        }
        sim.loggedIn(s);
    }

    private Packet successfulAuth(AmiSession s, UserAccount u, boolean md5) {
        String now = ZonedDateTime.now(ZoneOffset.UTC).format(EVENT_TV);
        return Packet.event("SuccessfulAuth", EventClass.privilege(EventClass.SECURITY))
                .add("EventTV", now).add("Severity", "Informational").add("Service", "AMI").add("EventVersion", "1")
                .add("AccountID", u.name).add("SessionID", "0x" + Long.toHexString(0x7f0640000000L + s.id() * 0x1890))
                .add("LocalAddress", "IPV4/TCP/" + s.socket().getLocalAddress().getHostAddress() + "/" + s.socket().getLocalPort())
                .add("RemoteAddress", "IPV4/TCP/" + s.socket().getInetAddress().getHostAddress() + "/" + s.socket().getPort())
                .add("UsingPassword", md5 ? "0" : "0").add("SessionTV", now);
    }

    private void challenge(AmiSession s, Packet a) {
        if (!"md5".equalsIgnoreCase(a.value("AuthType"))) {
            s.error(a, "Must specify AuthType");
            return;
        }
        if (s.challenge == null) {
            s.challenge = Long.toString(ThreadLocalRandom.current().nextLong(100_000_000L, 2_147_483_647L));
        }
        s.send(Packet.response("Success", a.get("ActionID")).add("Challenge", s.challenge));
    }

    private void logoff(AmiSession s, Packet a) {
        s.send(Packet.response("Goodbye", a.get("ActionID")).add("Message", "Thanks for all the fish."));
        s.endAfterReplies();
    }

    private void ping(AmiSession s, Packet a) {
        long micros = System.currentTimeMillis() * 1000 + (System.nanoTime() / 1000) % 1000;
        s.send(Packet.response("Success", a.get("ActionID")).add("Ping", "Pong")
                .add("Timestamp", String.format(Locale.ROOT, "%d.%06d", micros / 1_000_000, micros % 1_000_000)));
    }

    private void events(AmiSession s, Packet a) {
        s.eventMask = EventClass.parseEventMask(a.value("EventMask"));
        s.send(Packet.response("Success", a.get("ActionID")).add("Events", s.eventMask != 0 ? "On" : "Off"));
    }

    private void filter(AmiSession s, Packet a) {
        if (!"add".equalsIgnoreCase(a.value("Operation"))) {
            s.error(a, "Unknown operation");
            return;
        }
        String f = a.value("Filter");
        if (f.isEmpty()) {
            s.error(a, "Filter Performs no Operation");
            return;
        }
        boolean exclude = f.startsWith("!");
        try {
            s.addFilter(Pattern.compile(exclude ? f.substring(1) : f), exclude);
        } catch (PatternSyntaxException e) {
            s.error(a, "Filter Not Added: regex compilation failed");
            return;
        }
        s.ack(a, "Filter Added Successfully");
    }

    private void listCommands(AmiSession s, Packet a) {
        Packet p = Packet.response("Success", a.get("ActionID"));
        for (String[] c : sim.dispatcher.listCommands()) {
            p.add(c[0], c[1]);
        }
        s.send(p);
    }

    private void userEvent(AmiSession s, Packet a) {
        String name = a.value("UserEvent");
        if (name.isEmpty()) {
            s.error(a, "UserEvent needs a name");
            return;
        }
        Packet ev = Packet.event("UserEvent", EventClass.privilege(EventClass.USER)).add("UserEvent", name);
        for (int i = 0; i < a.size(); i++) {
            String h = a.name(i);
            if (!h.equalsIgnoreCase("Action") && !h.equalsIgnoreCase("UserEvent")) {
                ev.add(h, a.value(i));
            }
        }
        s.ack(a, "Event Sent");
        sim.sessions.publish(EventClass.USER, ev);
    }

    static String md5Hex(String text) {
        try {
            byte[] d = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder(32);
            for (byte b : d) {
                sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is missing from this JDK", e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
