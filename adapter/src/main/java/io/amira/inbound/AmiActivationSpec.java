package io.amira.inbound;

import io.amira.api.AmiEventListener;
import io.amira.config.AmiServerProperties;
import io.amira.config.AmiServerSettings;
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
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The configuration of one message-driven bean's subscription to AMI events, set through
 * {@code @ActivationConfigProperty}. Server properties left unset here fall back to the resource
 * adapter's, then MicroProfile Config ({@code amira.host}, ...), then built-in defaults.
 *
 * <p>Filtering: {@code eventNames} (comma separated, e.g. {@code Newchannel,Hangup}),
 * {@code eventClasses} (privilege classes of manager.h, e.g. {@code call,user}) and
 * {@code headerMatch} ({@code Header: value} pairs separated by {@code ;}, all must hold) — an event
 * is delivered when it passes all three. Delivery: {@code ordering} ({@code call}, {@code global} or
 * {@code none}), {@code concurrency} (parallel deliveries), {@code bufferCapacity} (events waiting
 * for the bean; see {@link OrderedDispatcher} for what happens when it is full).
 */
@Activation(messageListeners = AmiEventListener.class)
public class AmiActivationSpec implements ActivationSpec {

    private static final Logger LOG = Logger.getLogger(AmiActivationSpec.class.getName());

    static final int DEFAULT_CONCURRENCY = 8;
    static final int MAX_CONCURRENCY = 1024;
    static final int DEFAULT_BUFFER_CAPACITY = 10_000;
    static final int MAX_BUFFER_CAPACITY = 10_000_000;
    static final long DEFAULT_RECONNECT_INITIAL_DELAY_MS = 500;
    static final long DEFAULT_RECONNECT_MAX_DELAY_MS = 30_000;

    private final AmiServerProperties server = new AmiServerProperties();
    private ResourceAdapter resourceAdapter;

    private String eventNames;
    private String eventClasses;
    private String headerMatch;
    private String ordering = "call";
    private Integer concurrency = DEFAULT_CONCURRENCY;
    private Integer bufferCapacity = DEFAULT_BUFFER_CAPACITY;
    private Boolean lifecycleEvents = Boolean.TRUE;
    private Long reconnectInitialDelayMillis = DEFAULT_RECONNECT_INITIAL_DELAY_MS;
    private Long reconnectMaxDelayMillis = DEFAULT_RECONNECT_MAX_DELAY_MS;

    /** Every invalid property at once, in one exception. */
    @Override
    public void validate() throws InvalidPropertyException {
        List<String> errors = new ArrayList<>();
        List<String> invalidProperties = new ArrayList<>();
        parse(errors, invalidProperties);
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

    /** This spec's server settings, with {@code fallback} (the resource adapter's) for what is unset here. */
    public AmiServerSettings serverSettings(AmiServerProperties fallback) {
        return server.resolve(fallback);
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
        int capacity = bufferCapacity == null ? DEFAULT_BUFFER_CAPACITY : bufferCapacity;
        if (capacity < 1 || capacity > MAX_BUFFER_CAPACITY) {
            errors.add("bufferCapacity: " + capacity + " is not between 1 and " + MAX_BUFFER_CAPACITY);
            invalid.add("bufferCapacity");
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
        validateServer(errors, invalid);
        return new InboundConfig(new EventFilter(names, classes, matches), mode, parallel, capacity,
                lifecycleEvents == null || lifecycleEvents,
                Duration.ofMillis(Math.max(1, initial)), Duration.ofMillis(Math.max(initial, max)));
    }

    private void validateServer(List<String> errors, List<String> invalid) {
        Integer port = server.getPort();
        if (port != null && (port < 1 || port > 65535)) {
            errors.add("port: " + port + " is not between 1 and 65535");
            invalid.add("port");
        }
        String auth = server.getAuthType();
        if (auth != null && !auth.equalsIgnoreCase("plain") && !auth.equalsIgnoreCase("md5")) {
            errors.add("authType: '" + auth + "' is not plain or md5");
            invalid.add("authType");
        }
        checkPositive(errors, invalid, "connectTimeoutMillis", server.getConnectTimeoutMillis());
        checkPositive(errors, invalid, "actionTimeoutMillis", server.getActionTimeoutMillis());
        checkPositive(errors, invalid, "keepAliveIntervalMillis", server.getKeepAliveIntervalMillis());
        checkPositive(errors, invalid, "keepAliveTimeoutMillis", server.getKeepAliveTimeoutMillis());
    }

    private static void checkPositive(List<String> errors, List<String> invalid, String property, Long value) {
        if (value != null && value < 1) {
            errors.add(property + ": " + value + " must be at least 1");
            invalid.add(property);
        }
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
                LOG.log(Level.FINE, "AMIRA-IN-001 no bean property " + property, e);
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

    public Integer getBufferCapacity() { return bufferCapacity; }
    @ConfigProperty(defaultValue = "10000", description = "Events waiting for the bean; when full, arriving events are "
            + "dropped until half of it has drained, then an Amira.EventsLost event reports how many")
    public void setBufferCapacity(Integer bufferCapacity) { this.bufferCapacity = bufferCapacity; }

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

    // --- server properties (unset: the resource adapter's, then MicroProfile Config amira.*) ---

    public String getHost() { return server.getHost(); }
    @ConfigProperty(description = "Asterisk host; default amira.host, else 127.0.0.1")
    public void setHost(String host) { server.setHost(host); }

    public Integer getPort() { return server.getPort(); }
    @ConfigProperty(description = "AMI port; default amira.port, else 5038")
    public void setPort(Integer port) { server.setPort(port); }

    public String getUsername() { return server.getUsername(); }
    @ConfigProperty(description = "AMI user; default amira.username")
    public void setUsername(String username) { server.setUsername(username); }

    public String getSecret() { return server.getSecret(); }
    @ConfigProperty(confidential = true, description = "AMI secret; default amira.secret")
    public void setSecret(String secret) { server.setSecret(secret); }

    public Boolean getTls() { return server.getTls(); }
    @ConfigProperty(description = "Use TLS; default amira.tls, else false")
    public void setTls(Boolean tls) { server.setTls(tls); }

    public String getTrustStore() { return server.getTrustStore(); }
    @ConfigProperty(description = "Trust store path for TLS; default amira.trust-store")
    public void setTrustStore(String trustStore) { server.setTrustStore(trustStore); }

    public String getTrustStorePassword() { return server.getTrustStorePassword(); }
    @ConfigProperty(confidential = true, description = "Trust store password; default amira.trust-store-password")
    public void setTrustStorePassword(String password) { server.setTrustStorePassword(password); }

    public String getTrustStoreType() { return server.getTrustStoreType(); }
    @ConfigProperty(description = "Trust store type; default amira.trust-store-type")
    public void setTrustStoreType(String type) { server.setTrustStoreType(type); }

    public Boolean getVerifyHostname() { return server.getVerifyHostname(); }
    @ConfigProperty(description = "Verify the TLS host name; default amira.verify-hostname, else true")
    public void setVerifyHostname(Boolean verify) { server.setVerifyHostname(verify); }

    public String getAuthType() { return server.getAuthType(); }
    @ConfigProperty(description = "plain or md5; default amira.auth-type, else md5")
    public void setAuthType(String authType) { server.setAuthType(authType); }

    public Long getConnectTimeoutMillis() { return server.getConnectTimeoutMillis(); }
    @ConfigProperty(description = "Connect and login timeout; default amira.connect-timeout, else 5000")
    public void setConnectTimeoutMillis(Long millis) { server.setConnectTimeoutMillis(millis); }

    public Long getActionTimeoutMillis() { return server.getActionTimeoutMillis(); }
    @ConfigProperty(description = "Action reply timeout; default amira.action-timeout, else 10000")
    public void setActionTimeoutMillis(Long millis) { server.setActionTimeoutMillis(millis); }

    public Long getKeepAliveIntervalMillis() { return server.getKeepAliveIntervalMillis(); }
    @ConfigProperty(description = "Ping interval that detects a hung server; default amira.keepalive-interval, else 20000")
    public void setKeepAliveIntervalMillis(Long millis) { server.setKeepAliveIntervalMillis(millis); }

    public Long getKeepAliveTimeoutMillis() { return server.getKeepAliveTimeoutMillis(); }
    @ConfigProperty(description = "Ping reply deadline; default amira.keepalive-timeout, else 5000")
    public void setKeepAliveTimeoutMillis(Long millis) { server.setKeepAliveTimeoutMillis(millis); }

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
        return "AmiActivationSpec[" + server + ", eventNames=" + eventNames + ", eventClasses=" + eventClasses
                + ", headerMatch=" + headerMatch + ", ordering=" + ordering + ", concurrency=" + concurrency
                + ", bufferCapacity=" + bufferCapacity + "]";
    }

}
