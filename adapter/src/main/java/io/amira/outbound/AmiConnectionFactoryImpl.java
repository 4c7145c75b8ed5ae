package io.amira.outbound;

import io.amira.api.AmiConnection;
import io.amira.api.AmiConnectionFactory;
import io.amira.api.AmiConnectionSpec;
import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.cci.ConnectionSpec;
import jakarta.resource.cci.IndexedRecord;
import jakarta.resource.cci.MappedRecord;
import jakarta.resource.cci.RecordFactory;
import jakarta.resource.cci.ResourceAdapterMetaData;
import jakarta.resource.spi.ConnectionManager;

import javax.naming.Reference;

/**
 * The connection factory applications look up: typed facade and CCI in one, so both share one
 * pool. Every connection comes from the container's ConnectionManager.
 */
public class AmiConnectionFactoryImpl implements AmiConnectionFactory, RecordFactory {

    private static final long serialVersionUID = 1L;

    private final transient AmiManagedConnectionFactory managedConnectionFactory;
    private final transient ConnectionManager connectionManager;
    private Reference reference;

    /** Required of CCI connection factories (JCA 17.5.1.1); only the container's instances are usable. */
    public AmiConnectionFactoryImpl() {
        this(null, null);
    }

    AmiConnectionFactoryImpl(AmiManagedConnectionFactory managedConnectionFactory, ConnectionManager connectionManager) {
        this.managedConnectionFactory = managedConnectionFactory;
        this.connectionManager = connectionManager;
    }

    @Override
    public AmiConnection getConnection() throws ResourceException {
        return getConnection(null);
    }

    @Override
    public AmiConnection getConnection(ConnectionSpec spec) throws ResourceException {
        if (spec != null && !(spec instanceof AmiConnectionSpec)) {
            throw new NotSupportedException("Amira takes an io.amira.api.AmiConnectionSpec (username, secret), not "
                    + spec.getClass().getName());
        }
        if (connectionManager == null) {
            throw new ResourceException("This Amira connection factory was not created by the container: look it up "
                    + "(e.g. @Resource(lookup = \"java:/eis/amira\")) instead of instantiating it");
        }
        AmiRequestInfo info = AmiRequestInfo.of((AmiConnectionSpec) spec);
        return (AmiConnection) connectionManager.allocateConnection(managedConnectionFactory, info.isDefault() ? null : info);
    }

    @Override
    public String server() {
        if (managedConnectionFactory == null) {
            throw new IllegalStateException("This Amira connection factory was not created by the container");
        }
        return managedConnectionFactory.settings().server();
    }

    @Override
    public RecordFactory getRecordFactory() {
        return this;
    }

    @Override
    public ResourceAdapterMetaData getMetaData() {
        return AmiResourceAdapterMetaData.INSTANCE;
    }

    @Override
    public <K, V> MappedRecord<K, V> createMappedRecord(String recordName) {
        return new AmiMappedRecord<>(recordName);
    }

    @Override
    public <E> IndexedRecord<E> createIndexedRecord(String recordName) {
        return new AmiIndexedRecord<>(recordName);
    }

    @Override
    public void setReference(Reference reference) {
        this.reference = reference;
    }

    @Override
    public Reference getReference() {
        return reference;
    }
}
