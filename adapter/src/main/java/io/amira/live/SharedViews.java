package io.amira.live;

import io.amira.config.AdapterContext;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One running view per resource adapter and configuration. WildFly binds one administered object
 * per definition, but Payara makes a new one on every JNDI lookup: a view per object would open an
 * event session, and hold a WorkManager thread, for every lookup. The views stop with their adapter.
 *
 * @param <V> the view
 */
final class SharedViews<V> {

    private final Map<AdapterContext, Map<Object, V>> views = new IdentityHashMap<>();
    private final Consumer<V> stop;

    SharedViews(Consumer<V> stop) {
        this.stop = stop;
    }

    /** The view of {@code adapter} configured as {@code key} (equal keys: the same view), started by {@code start} on first use. */
    synchronized V of(AdapterContext adapter, Object key, Supplier<V> start) {
        Map<Object, V> ofAdapter = views.get(adapter);
        if (ofAdapter == null) {
            ofAdapter = new HashMap<>();
            views.put(adapter, ofAdapter);
            adapter.onStop(() -> stopAll(adapter));
        }
        V view = ofAdapter.get(key);
        if (view == null) {
            view = start.get();
            ofAdapter.put(key, view);
        }
        return view;
    }

    private void stopAll(AdapterContext adapter) {
        Map<Object, V> stopping;
        synchronized (this) {
            stopping = views.remove(adapter);
        }
        if (stopping != null) {
            stopping.values().forEach(stop);
        }
    }
}
