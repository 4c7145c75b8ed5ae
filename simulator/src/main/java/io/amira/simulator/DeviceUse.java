package io.amira.simulator;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Live channels per device (Local/100@demo, PJSIP/phone...), for device states. PBX thread only. */
final class DeviceUse {
    private final Map<String, int[]> counts = new HashMap<>();

    /** Counts one more channel; true when the device was idle until now. */
    boolean add(String device) {
        int[] n = counts.computeIfAbsent(key(device), k -> new int[1]);
        return n[0]++ == 0;
    }

    /** Counts one channel less; true when the device is idle now. */
    boolean remove(String device) {
        String k = key(device);
        int[] n = counts.get(k);
        if (n == null) {
            return false;
        }
        if (--n[0] == 0) {
            counts.remove(k);
            return true;
        }
        return false;
    }

    boolean inUse(String device) {
        return counts.containsKey(key(device));
    }

    /** The DeviceStateChange State of a device that exists. */
    String state(String device) {
        return inUse(device) ? "INUSE" : "NOT_INUSE";
    }

    private static String key(String device) {
        return device.toLowerCase(Locale.ROOT);
    }
}
