package io.amira.outbound;

import jakarta.resource.spi.ManagedConnectionMetaData;

/** What the container learns about the EIS behind a connection. */
class AmiManagedConnectionMetaData implements ManagedConnectionMetaData {

    @Override
    public String getEISProductName() {
        return "Asterisk";
    }

    @Override
    public String getEISProductVersion() {
        return "unknown";
    }

    @Override
    public int getMaxConnections() {
        return 0;
    }

    @Override
    public String getUserName() {
        return "";
    }
}
