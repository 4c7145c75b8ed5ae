package org.asteriskjava.manager.internal;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Consumer;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.util.internal.SocketConnectionFacadeImpl;
import org.asteriskjava.util.internal.streamreader.FastScanner;
import org.asteriskjava.util.internal.streamreader.FastScannerFactory;

/**
 * asterisk-java 3.42.2's own event parsing, driven over bytes in memory: its line scanner
 * ({@code FastScannerFactory} with the CR LF pattern, as {@code SocketConnectionFacadeImpl} sets it
 * up), the line handling of {@code ManagerReaderImpl.run()} (split on ':', lower-case and trim the
 * name, its private {@code addToBuffer}) and its private {@code buildEvent} (the reflective
 * {@code EventBuilderImpl}). Left out: the hand-off of each event to its pump thread, so the figure
 * flatters asterisk-java. Lives in asterisk-java's package to reach the package-private types.
 */
public final class AsteriskJavaEventParser {

    private final ManagerReaderImpl reader;
    private final MethodHandle addToBuffer;
    private final MethodHandle buildEvent;
    private final Object source = new Object();

    public AsteriskJavaEventParser() {
        reader = new ManagerReaderImpl(new NoDispatch(), source);
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(ManagerReaderImpl.class, MethodHandles.lookup());
            addToBuffer = lookup.findVirtual(ManagerReaderImpl.class, "addToBuffer",
                    MethodType.methodType(void.class, Map.class, String.class, String.class));
            buildEvent = lookup.findVirtual(ManagerReaderImpl.class, "buildEvent",
                    MethodType.methodType(ManagerEvent.class, Object.class, Map.class));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("asterisk-java internals changed", e);
        }
    }

    /** Parses every packet in {@code bytes}; hands each event built to {@code events}; returns how many. */
    public int parse(byte[] bytes, Consumer<ManagerEvent> events) throws Throwable {
        FastScanner scanner = FastScannerFactory.getReader(
                new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8),
                SocketConnectionFacadeImpl.CRNL_PATTERN);
        Map<String, Object> buffer = new HashMap<>();
        int count = 0;
        while (true) {
            String line;
            try {
                line = scanner.next();
            } catch (NoSuchElementException | IllegalStateException end) {
                break;
            }
            if (line == null) {
                break;
            }
            if (!line.isEmpty()) {
                String[] parts = line.split(":", 2);
                if (parts.length == 2) {
                    addToBuffer.invoke(reader, buffer, parts[0].toLowerCase(Locale.ENGLISH).trim(), parts[1].trim());
                }
                continue;
            }
            if (buffer.containsKey("event")) {
                ManagerEvent event = (ManagerEvent) buildEvent.invoke(reader, source, buffer);
                if (event != null) {
                    events.accept(event);
                    count++;
                }
            }
            buffer.clear();
        }
        return count;
    }

    private static final class NoDispatch implements Dispatcher {
        @Override
        public void dispatchResponse(org.asteriskjava.manager.response.ManagerResponse response, Integer requiredHandlingTime) {
        }

        @Override
        public void dispatchEvent(ManagerEvent event, Integer requiredHandlingTime) {
        }

        @Override
        public void stop() {
        }
    }
}
