package io.amira.outbound;

import jakarta.resource.cci.ConnectionMetaData;
import jakarta.resource.spi.ManagedConnectionMetaData;

/** What the container and CCI clients learn about the Asterisk behind a connection. */
final class AmiManagedConnectionMetaData implements ManagedConnectionMetaData, ConnectionMetaData {

    private final AmiManagedConnection connection;

    AmiManagedConnectionMetaData(AmiManagedConnection connection) {
        this.connection = connection;
    }

    @Override
    public String getEISProductName() {
        return "Asterisk";
    }

    /** The {@code AsteriskVersion} CoreSettings reports, e.g. {@code 22.10.1}; {@code unknown} when not allowed. */
    @Override
    public String getEISProductVersion() {
        return connection.eisVersion();
    }

    /** No limit from the adapter: the pool's maximum (and Asterisk's own limits) decide. */
    @Override
    public int getMaxConnections() {
        return 0;
    }

    @Override
    public String getUserName() {
        String user = connection.username();
        return user == null ? "" : user;
    }
}
