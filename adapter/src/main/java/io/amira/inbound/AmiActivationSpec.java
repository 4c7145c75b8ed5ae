package io.amira.inbound;

import io.amira.api.AmiEventListener;
import io.amira.client.AmiClientConfig;
import io.amira.config.AdapterContext;
import io.amira.config.InvalidServerPropertiesException;
import io.amira.config.ServerConfigBean;
import io.amira.config.ServerProperties;
import io.amira.config.ServerProperty;
import jakarta.resource.spi.Activation;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.ConfigProperty;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ResourceAdapter;

import java.beans.IntrospectionException;
import java.beans.PropertyDescriptor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The configuration of one message-driven bean's subscription to AMI events, set through
 * {@code @ActivationConfigProperty}. Server properties left unset here fall back to the resource
 * adapter's, then MicroProfile Config ({@code amira.host}, ...), then built-in defaults.
 *
 * <p>Filtering: {@code eventNames} (comma separated, e.g. {@code Newchannel,Hangup}),
 * {@code eventClasses} (privilege classes of manager.h, e.g. {@code call,user}) and
 * {@code headerMatch} ({@code Header: value} pairs separated by {@code ;}, all must hold) — an event
 * is delivered when it passes all three. Delivery: {@code ordering} ({@code call}, {@code global} or
 * {@code none}), {@code concurrency} (parallel deliveries), {@code bufferCapacityBytes} (memory for
 * events waiting for the bean; see {@link OrderedDispatcher} for what happens when it is full).
 */
@Activation(messageListeners = AmiEventListener.class)
public class AmiActivationSpec extends ServerConfigBean implements ActivationSpec {

    private static final long serialVersionUID = 1L;

    static final int DEFAULT_CONCURRENCY = 8;
    static final int MAX_CONCURRENCY = 1024;
    static final long DEFAULT_BUFFER_CAPACITY_BYTES = 64L * 1024 * 1024;
    static final long DEFAULT_RECONNECT_INITIAL_DELAY_MS = 500;
    static final long DEFAULT_RECONNECT_MAX_DELAY_MS = 30_000;

    private transient ResourceAdapter resourceAdapter;

    private String eventNames;
    private String eventClasses;
    private String headerMatch;
    private String ordering = "call";
    private Integer concurrency = DEFAULT_CONCURRENCY;
    private Long bufferCapacityBytes = DEFAULT_BUFFER_CAPACITY_BYTES;
    private Boolean lifecycleEvents = Boolean.TRUE;
    private Long reconnectInitialDelayMillis = DEFAULT_RECONNECT_INITIAL_DELAY_MS;
    private Long reconnectMaxDelayMillis = DEFAULT_RECONNECT_MAX_DELAY_MS;

    /**
     * Every invalid property at once, in one exception: the inbound ones, and the server ones as they
     * resolve over the resource adapter's and MicroProfile Config. A missing user or secret counts
     * once the spec knows its resource adapter (they may be set there); activation checks them again.
     */
    @Override
    public void validate() throws InvalidPropertyException {
        List<String> errors = new ArrayList<>();
        List<String> invalidProperties = new ArrayList<>();
        InboundConfig inbound = parse(errors, invalidProperties);
        AdapterContext adapter = resourceAdapter instanceof AdapterContext context ? context : null;
        try {
            clientConfig(inbound, adapter == null ? null : adapter.serverProperties());
        } catch (InvalidServerPropertiesException e) {
            for (int i = 0; i < e.properties().size(); i++) {
                ServerProperty property = e.properties().get(i);
                boolean mayComeFromTheAdapter = property == ServerProperty.USERNAME || property == ServerProperty.SECRET;
                if (adapter != null || !mayComeFromTheAdapter) {
                    errors.add(e.reasons().get(i));
                    invalidProperties.add(java.beans.Introspector.decapitalize(property.jcaName()));
                }
            }
        }
        if (!errors.isEmpty()) {
            InvalidPropertyException e = new InvalidPropertyException(
                    "Invalid Amira activation properties: " + String.join("; ", errors));
            e.setInvalidPropertyDescriptors(descriptors(invalidProperties));
            throw e;
        }
    }

    /** The parsed inbound settings; throws {@link IllegalArgumentException} naming every bad property. */
    InboundConfig inboundConfig() {
        List<String> errors = new ArrayList<>();
        InboundConfig config = parse(errors, new ArrayList<>());
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("Invalid Amira activation properties: " + String.join("; ", errors));
        }
        return config;
    }

    /**
     * The event session's configuration: this spec's server properties over {@code fallback} (the
     * resource adapter's), logging in with the filter's event mask.
     *
     * @throws InvalidServerPropertiesException naming every invalid or missing server property
     */
    AmiClientConfig clientConfig(InboundConfig inbound, ServerProperties fallback) {
        return serverProperties().resolve(fallback, inbound.filter().loginEventMask());
    }

    private InboundConfig parse(List<String> errors, List<String> invalid) {
        int before = errors.size();
        Set<String> names = splitList(eventNames);
        for (String name : names) {
            if (!name.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.')) {
                errors.add("eventNames: '" + name + "' is not an event name");
            }
        }
        mark(errors, before, invalid, "eventNames");

        before = errors.size();
        Set<String> classes = splitList(eventClasses);
        if (classes.stream().anyMatch(c -> c.equalsIgnoreCase("all"))) {
            classes = Set.of();
        }
        for (String one : classes) {
            if (!PrivilegeClass.isKnown(one)) {
                errors.add("eventClasses: '" + one + "' is not a privilege class (one of "
                        + String.join(",", PrivilegeClass.NAMES) + ")");
            }
        }
        mark(errors, before, invalid, "eventClasses");

        before = errors.size();
        List<EventFilter.HeaderMatch> matches = EventFilter.HeaderMatch.parseAll(headerMatch, errors);
        mark(errors, before, invalid, "headerMatch");

        OrderingMode mode = OrderingMode.CALL;
        try {
            mode = OrderingMode.parse(ordering == null ? "call" : ordering);
        } catch (IllegalArgumentException e) {
            errors.add("ordering: '" + ordering + "' is not one of call, global, none");
            invalid.add("ordering");
        }
        int parallel = concurrency == null ? DEFAULT_CONCURRENCY : concurrency;
        if (parallel < 1 || parallel > MAX_CONCURRENCY) {
            errors.add("concurrency: " + parallel + " is not between 1 and " + MAX_CONCURRENCY);
            invalid.add("concurrency");
        }
        long capacity = bufferCapacityBytes == null ? DEFAULT_BUFFER_CAPACITY_BYTES : bufferCapacityBytes;
        if (capacity < 1) {
            errors.add("bufferCapacityBytes: " + capacity + " must be at least 1");
            invalid.add("bufferCapacityBytes");
        }
        long initial = reconnectInitialDelayMillis == null ? DEFAULT_RECONNECT_INITIAL_DELAY_MS : reconnectInitialDelayMillis;
        long max = reconnectMaxDelayMillis == null ? DEFAULT_RECONNECT_MAX_DELAY_MS : reconnectMaxDelayMillis;
        if (initial < 1) {
            errors.add("reconnectInitialDelayMillis: " + initial + " must be at least 1");
            invalid.add("reconnectInitialDelayMillis");
        }
        if (max < initial) {
            errors.add("reconnectMaxDelayMillis: " + max + " is below reconnectInitialDelayMillis " + initial);
            invalid.add("reconnectMaxDelayMillis");
        }
        return new InboundConfig(new EventFilter(names, classes, matches), mode, parallel, capacity,
                lifecycleEvents == null || lifecycleEvents,
                Duration.ofMillis(Math.max(1, initial)), Duration.ofMillis(Math.max(initial, max)));
    }

    private static void mark(List<String> errors, int before, List<String> invalid, String property) {
        if (errors.size() > before) {
            invalid.add(property);
        }
    }

    private static Set<String> splitList(String text) {
        Set<String> values = new LinkedHashSet<>();
        if (text != null) {
            for (String part : text.split(",")) {
                if (!part.isBlank()) {
                    values.add(part.trim());
                }
            }
        }
        return values;
    }

    private PropertyDescriptor[] descriptors(List<String> properties) {
        List<PropertyDescriptor> result = new ArrayList<>();
        for (String property : properties) {
            try {
                result.add(new PropertyDescriptor(property, getClass()));
            } catch (IntrospectionException e) {
                InboundLog.NO_BEAN_PROPERTY.log(e, property);
            }
        }
        return result.toArray(new PropertyDescriptor[0]);
    }

    // --- inbound properties ---

    public String getEventNames() { return eventNames; }
    @ConfigProperty(description = "Comma-separated event names to deliver (e.g. Newchannel,Hangup); empty for all")
    public void setEventNames(String eventNames) { this.eventNames = eventNames; }

    public String getEventClasses() { return eventClasses; }
    @ConfigProperty(description = "Comma-separated privilege classes (system, call, log, verbose, command, agent, user, "
            + "config, dtmf, reporting, cdr, dialplan, originate, agi, cc, aoc, test, security); empty or 'all' for all. "
            + "Also the login's event mask, so Asterisk does not send the rest")
    public void setEventClasses(String eventClasses) { this.eventClasses = eventClasses; }

    public String getHeaderMatch() { return headerMatch; }
    @ConfigProperty(description = "Header conditions that must all hold, 'Header: value' separated by ';' (e.g. 'Queue: support')")
    public void setHeaderMatch(String headerMatch) { this.headerMatch = headerMatch; }

    public String getOrdering() { return ordering; }
    @ConfigProperty(defaultValue = "call", description = "call: in order per call (Linkedid, else Uniqueid, else Channel), "
            + "calls in parallel; global: every event in order; none: no order")
    public void setOrdering(String ordering) { this.ordering = ordering; }

    public Integer getConcurrency() { return concurrency; }
    @ConfigProperty(defaultValue = "8", description = "How many events may be delivered to the bean in parallel")
    public void setConcurrency(Integer concurrency) { this.concurrency = concurrency; }

    public Long getBufferCapacityBytes() { return bufferCapacityBytes; }
    @ConfigProperty(defaultValue = "67108864", description = "Memory for events waiting for the bean, in bytes of heap "
            + "(64 MiB: about 130,000 Asterisk call events, each counted as the decoder counted it); when full, arriving events are dropped until half of it "
            + "has drained, then an Amira.EventsLost event reports how many")
    public void setBufferCapacityBytes(Long bufferCapacityBytes) { this.bufferCapacityBytes = bufferCapacityBytes; }

    public Boolean getLifecycleEvents() { return lifecycleEvents; }
    @ConfigProperty(defaultValue = "true", description = "Deliver Amira.Connected, Amira.Disconnected, Amira.Reconnected "
            + "and Amira.EventsLost to the bean")
    public void setLifecycleEvents(Boolean lifecycleEvents) { this.lifecycleEvents = lifecycleEvents; }

    public Long getReconnectInitialDelayMillis() { return reconnectInitialDelayMillis; }
    @ConfigProperty(defaultValue = "500", description = "First reconnect delay; doubles up to reconnectMaxDelayMillis, with jitter")
    public void setReconnectInitialDelayMillis(Long millis) { this.reconnectInitialDelayMillis = millis; }

    public Long getReconnectMaxDelayMillis() { return reconnectMaxDelayMillis; }
    @ConfigProperty(defaultValue = "30000", description = "Longest reconnect delay")
    public void setReconnectMaxDelayMillis(Long millis) { this.reconnectMaxDelayMillis = millis; }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return resourceAdapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter resourceAdapter) {
        this.resourceAdapter = resourceAdapter;
    }

    @Override
    public String toString() {
        return "AmiActivationSpec[" + serverProperties() + ", eventNames=" + eventNames + ", eventClasses=" + eventClasses
                + ", headerMatch=" + headerMatch + ", ordering=" + ordering + ", concurrency=" + concurrency
                + ", bufferCapacityBytes=" + bufferCapacityBytes + "]";
    }

}
