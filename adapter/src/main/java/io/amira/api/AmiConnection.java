package io.amira.api;

import jakarta.resource.ResourceException;

/** An application's handle on one pooled AMI connection. Not thread-safe; close it when done. */
public interface AmiConnection extends AutoCloseable {

    /** Gives the connection back to the pool; calling it again does nothing. */
    @Override
    void close() throws ResourceException;
}
