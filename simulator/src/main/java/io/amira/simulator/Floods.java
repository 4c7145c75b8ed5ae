package io.amira.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/** Starts a flood: encodes the event once and hands a per-session share to each allowed session's writer. */
final class Floods {
    private static final Logger LOG = Logger.getLogger(Floods.class.getName());

    private Floods() {
    }

    static Flood start(FloodSpec spec, List<AmiSession> candidates) {
        int category = EventClass.namedClasses(spec.eventClass);
        Packet event = Packet.event(spec.eventName, EventClass.privilege(category));
        spec.headers.forEach(event::add);
        Flood flood = spec.calls > 0
                ? new Flood(spec, spec.calls, (call, seq) -> Packet.event(spec.eventName, EventClass.privilege(category))
                        .addAll(event.without("Event", "Privilege"))
                        .add("Linkedid", String.format("flood-%06d", call))
                        .add("Seq", String.format("%06d", seq)).encode())
                : new Flood(spec, event.encode());
        List<AmiSession> targets = new ArrayList<>();
        for (AmiSession s : candidates) {
            if (s.accepts(category, event)) {
                targets.add(s);
            }
        }
        flood.targets(targets.size());
        LOG.info(() -> "sim.flood " + spec + " sessions=" + targets.size() + " eventBytes=" + flood.eventLength());
        for (AmiSession s : targets) {
            s.writer.startFlood(new FloodTarget(flood, spec.count, spec.ratePerSecond));
        }
        return flood;
    }
}
