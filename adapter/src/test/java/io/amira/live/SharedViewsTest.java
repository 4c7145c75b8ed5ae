package io.amira.live;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

class SharedViewsTest {

    private final List<Object> stopped = new ArrayList<>();
    private final SharedViews<Object> views = new SharedViews<>(stopped::add);
    private final AtomicInteger started = new AtomicInteger();

    @Test
    void objectsOfTheSameConfigurationShareOneViewUntilTheAdapterStops() {
        TestAdapter adapter = new TestAdapter("127.0.0.1", 5038, "admin", "amp111");
        TestAdapter other = new TestAdapter("127.0.0.1", 5038, "admin", "amp111");

        Object view = views.of(adapter, "pbx1", this::start);
        assertSame(view, views.of(adapter, "pbx1", this::start));
        Object secondConfiguration = views.of(adapter, "pbx2", this::start);
        Object otherAdapters = views.of(other, "pbx1", this::start);
        assertNotSame(view, secondConfiguration);
        assertNotSame(view, otherAdapters);
        assertEquals(3, started.get());

        adapter.stop();

        assertEquals(Set.of(view, secondConfiguration), Set.copyOf(stopped)); // plain Objects: equal only to themselves
        assertNotSame(view, views.of(adapter, "pbx1", this::start));
        other.stop();
        assertEquals(3, stopped.size());
        assertSame(otherAdapters, stopped.get(2));
    }

    private Object start() {
        started.incrementAndGet();
        return new Object();
    }
}
