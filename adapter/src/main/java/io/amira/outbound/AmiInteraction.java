package io.amira.outbound;

import io.amira.api.AmiAction;
import io.amira.api.AmiActionFailedException;
import io.amira.api.AmiAuthenticationException;
import io.amira.api.AmiEvent;
import io.amira.api.AmiException;
import io.amira.api.AmiInteractionSpec;
import io.amira.api.AmiPermissionDeniedException;
import io.amira.api.AmiResponse;
import io.amira.api.AmiTimeoutException;
import io.amira.api.InvalidHeaderException;
import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.cci.Connection;
import jakarta.resource.cci.Interaction;
import jakarta.resource.cci.InteractionSpec;
import jakarta.resource.cci.MappedRecord;
import jakarta.resource.cci.Record;
import jakarta.resource.cci.ResourceWarning;
import jakarta.resource.spi.CommException;
import jakarta.resource.spi.SecurityException;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;

/**
 * CCI execution of one AMI action. The {@link AmiInteractionSpec} names the action and its timeout;
 * the input MappedRecord's entries are its headers (a Collection value repeats the header). The
 * output MappedRecord holds the response's headers (a repeated header as a List) plus
 * {@link #EVENTS} (an IndexedRecord of MappedRecords: a list action's items), {@link #COMPLETION}
 * (the list's closing event) and {@link #OUTPUT} (Command output lines, a List of String). A
 * {@code Response: Error} is returned as a record too (its {@code Message} says why); permission,
 * timeout and connection failures throw.
 */
final class AmiInteraction implements Interaction {

    /** Output key of a list action's items. No AMI header can clash: header names hold no ':'. */
    static final String EVENTS = "amira:events";
    /** Output key of a list action's closing event ({@code ...Complete}). */
    static final String COMPLETION = "amira:completion";
    /** Output key of Command output lines. */
    static final String OUTPUT = "amira:output";

    private final AmiConnectionHandle connection;
    private volatile boolean closed;

    AmiInteraction(AmiConnectionHandle connection) {
        this.connection = connection;
    }

    @Override
    public Record execute(InteractionSpec spec, Record input) throws ResourceException {
        AmiMappedRecord<String, Object> output = new AmiMappedRecord<>("AmiResponse");
        execute(spec, input, output);
        return output;
    }

    @Override
    public boolean execute(InteractionSpec spec, Record input, Record output) throws ResourceException {
        if (closed) {
            throw new jakarta.resource.spi.IllegalStateException("This CCI interaction is closed; create a new one");
        }
        AmiInteractionSpec amiSpec = spec(spec);
        if (!(output instanceof MappedRecord<?, ?> target)) {
            throw new NotSupportedException("Amira writes its output to a MappedRecord, not "
                    + (output == null ? "null" : output.getClass().getName()));
        }
        AmiManagedConnection managed = connection.managedConnection();
        AmiAction action = action(amiSpec, input);
        Duration timeout = amiSpec.getTimeoutMillis() == 0 ? managed.config().actionTimeout()
                : Duration.ofMillis(amiSpec.getTimeoutMillis());
        AmiResponse response;
        try {
            response = managed.client().send(action, timeout);
        } catch (AmiPermissionDeniedException | AmiAuthenticationException e) {
            throw new SecurityException(e.getMessage(), e);
        } catch (AmiActionFailedException e) {
            response = e.response();
        } catch (AmiTimeoutException e) {
            ResourceException timeoutException = new ResourceException(e.getMessage(), e);
            timeoutException.setErrorCode("TIMEOUT");
            throw timeoutException;
        } catch (AmiException e) {
            throw new CommException(e.getMessage(), e);
        }
        fill(asObjectMap(target), response);
        return true;
    }

    private static AmiInteractionSpec spec(InteractionSpec spec) throws NotSupportedException {
        if (!(spec instanceof AmiInteractionSpec amiSpec) || amiSpec.getActionName() == null) {
            throw new NotSupportedException("Amira needs an io.amira.api.AmiInteractionSpec naming the action, not "
                    + (spec == null ? "null" : spec));
        }
        return amiSpec;
    }

    private static AmiAction action(AmiInteractionSpec spec, Record input) throws ResourceException {
        AmiAction.Builder builder = AmiAction.builder(spec.getActionName());
        if (input == null) {
            return builder.build();
        }
        if (!(input instanceof MappedRecord<?, ?> headers)) {
            throw new NotSupportedException("Amira reads the action's headers from a MappedRecord, not " + input.getClass().getName());
        }
        try {
            for (Map.Entry<?, ?> header : headers.entrySet()) {
                String name = String.valueOf(header.getKey());
                Object value = header.getValue();
                if (value instanceof Collection<?> repeated) {
                    for (Object one : repeated) {
                        builder.header(name, String.valueOf(one));
                    }
                } else if (value != null) {
                    builder.header(name, String.valueOf(value));
                }
            }
        } catch (InvalidHeaderException e) {
            throw new ResourceException(e.getMessage(), e);
        }
        return builder.build();
    }

    static void fill(Map<Object, Object> target, AmiResponse response) {
        copyHeaders(target, response.size(), response::headerName, response::headerValue);
        if (!response.events().isEmpty() || response.completion() != null) {
            AmiIndexedRecord<Object> items = new AmiIndexedRecord<>("events");
            for (AmiEvent event : response.events()) {
                items.add(eventRecord(event));
            }
            target.put(EVENTS, items);
        }
        if (response.completion() != null) {
            target.put(COMPLETION, eventRecord(response.completion()));
        }
        if (!response.outputLines().isEmpty()) {
            target.put(OUTPUT, response.outputLines());
        }
    }

    private static AmiMappedRecord<Object, Object> eventRecord(AmiEvent event) {
        AmiMappedRecord<Object, Object> record = new AmiMappedRecord<>(event.name());
        copyHeaders(record, event.size(), event::headerName, event::headerValue);
        return record;
    }

    @SuppressWarnings("unchecked")
    private static void copyHeaders(Map<Object, Object> target, int size,
                                    java.util.function.IntFunction<String> names, java.util.function.IntFunction<String> values) {
        for (int i = 0; i < size; i++) {
            String name = names.apply(i);
            String value = values.apply(i);
            Object existing = target.get(name);
            if (existing == null) {
                target.put(name, value);
            } else if (existing instanceof java.util.List<?> list) {
                ((java.util.List<Object>) list).add(value);
            } else {
                java.util.List<Object> repeated = new java.util.ArrayList<>(2);
                repeated.add(existing);
                repeated.add(value);
                target.put(name, repeated);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<Object, Object> asObjectMap(MappedRecord<?, ?> record) {
        return (Map<Object, Object>) record;
    }

    @Override
    public Connection getConnection() {
        return connection;
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public ResourceWarning getWarnings() {
        return null;
    }

    @Override
    public void clearWarnings() {
        // Amira raises no warnings.
    }
}
