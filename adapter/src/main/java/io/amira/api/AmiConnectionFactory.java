package io.amira.api;

import jakarta.resource.Referenceable;
import jakarta.resource.ResourceException;

import java.io.Serializable;

/** Hands out pooled AMI connections; inject it with {@code @Resource(lookup = "java:/eis/amira")}. */
public interface AmiConnectionFactory extends Serializable, Referenceable {

    /** A connection from the pool; close it (try-with-resources) to give it back. */
    AmiConnection getConnection() throws ResourceException;
}
