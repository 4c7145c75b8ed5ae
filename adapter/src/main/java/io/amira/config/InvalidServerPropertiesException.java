package io.amira.config;

import java.util.List;

/**
 * The AMI server properties of a bean do not make a usable configuration; the message names each
 * property, why, and where its value came from.
 */
public final class InvalidServerPropertiesException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final List<ServerProperty> properties;
    private final List<String> reasons;

    InvalidServerPropertiesException(List<ServerProperty> properties, List<String> reasons) {
        super("Invalid AMI server configuration: " + String.join("; ", reasons));
        this.properties = List.copyOf(properties);
        this.reasons = List.copyOf(reasons);
    }

    /** The invalid or missing properties. */
    public List<ServerProperty> properties() {
        return properties;
    }

    /** Why, one text per property in the same order. */
    public List<String> reasons() {
        return reasons;
    }
}
