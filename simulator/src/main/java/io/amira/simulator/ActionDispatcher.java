package io.amira.simulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Routes an action to its handler after Asterisk's checks, in Asterisk's order: missing Action,
 * not logged in, unknown action, write class. The action table and each action's required classes
 * come from the recorded ListCommands of Asterisk 22.
 */
final class ActionDispatcher {
    interface Handler {
        void handle(AmiSession session, Packet action);
    }

    private static final Logger LOG = Logger.getLogger(ActionDispatcher.class.getName());

    private static final class Entry {
        final String name;
        final String description;
        final int privilege;
        Handler handler;

        Entry(String name, String description, int privilege) {
            this.name = name;
            this.description = description;
            this.privilege = privilege;
        }
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();

    ActionDispatcher() {
        try (InputStream in = ActionDispatcher.class.getResourceAsStream("list-commands.txt");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                int colon = line.indexOf(": ");
                if (colon < 0) {
                    continue;
                }
                String name = line.substring(0, colon);
                String description = line.substring(colon + 2);
                int priv = description.lastIndexOf("(Priv: ");
                String classes = description.substring(priv + 7, description.length() - 1);
                entries.put(key(name), new Entry(name, description, requiredClasses(classes)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the simulator's list-commands.txt", e);
        }
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static int requiredClasses(String classes) {
        if (classes.startsWith("<none>")) {
            return 0;
        }
        return EventClass.namedClasses(classes);
    }

    /** Attaches a handler to an action Asterisk lists; an action it does not list is added with the given synopsis. */
    void register(String name, Handler handler) {
        Entry e = entries.get(key(name));
        if (e == null) {
            throw new IllegalArgumentException("not an Asterisk 22 action: " + name);
        }
        e.handler = handler;
    }

    List<String[]> listCommands() {
        List<String[]> list = new ArrayList<>();
        for (Entry e : entries.values()) {
            list.add(new String[] {e.name, e.description});
        }
        return list;
    }

    void dispatch(AmiSession session, Packet action) {
        String name = action.get("Action");
        if (name == null || name.isEmpty()) {
            session.error(action, "Missing action in request");
            return;
        }
        String k = key(name);
        if (!session.authenticated && !k.equals("login") && !k.equals("logoff") && !k.equals("challenge")) {
            session.error(action, "Permission denied");
            return;
        }
        Entry e = entries.get(k);
        if (e == null) {
            session.error(action, "Invalid/unknown command: " + name + ". Use Action: ListCommands to show available commands.");
            return;
        }
        if (session.authenticated && e.privilege != 0 && (session.writePerm & e.privilege) == 0) {
            session.error(action, "Permission denied");
            return;
        }
        if (e.handler == null) {
            session.error(action, "Action " + e.name + " is not implemented by the Amira AMI simulator");
            return;
        }
        try {
            e.handler.handle(session, action);
        } catch (RuntimeException ex) {
            LOG.log(Level.WARNING, "sim.action " + e.name + " failed in the simulator", ex);
            session.error(action, "Simulator internal error in " + e.name + ": " + ex);
        }
    }
}
