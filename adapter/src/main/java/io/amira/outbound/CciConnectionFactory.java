package io.amira.outbound;

import io.amira.api.AmiConnectionSpec;
import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.cci.Connection;
import jakarta.resource.cci.ConnectionSpec;
import jakarta.resource.cci.IndexedRecord;
import jakarta.resource.cci.MappedRecord;
import jakarta.resource.cci.RecordFactory;
import jakarta.resource.cci.ResourceAdapterMetaData;

import javax.naming.Reference;

/** The CCI view of the typed factory's pool: the spec's {@code ResourceException}s, records for input and output. */
final class CciConnectionFactory implements jakarta.resource.cci.ConnectionFactory, RecordFactory {

    private static final long serialVersionUID = 1L;

    private final transient AmiConnectionFactoryImpl typed;

    CciConnectionFactory(AmiConnectionFactoryImpl typed) {
        this.typed = typed;
    }

    @Override
    public Connection getConnection() throws ResourceException {
        return typed.allocateHandle(AmiRequestInfo.DEFAULT);
    }

    @Override
    public Connection getConnection(ConnectionSpec spec) throws ResourceException {
        if (spec != null && !(spec instanceof AmiConnectionSpec)) {
            throw new NotSupportedException("Amira takes an io.amira.api.AmiConnectionSpec (username, secret), not "
                    + spec.getClass().getName());
        }
        return typed.allocateHandle(AmiRequestInfo.of((AmiConnectionSpec) spec));
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

    /** Not bound on its own: the typed factory's reference. */
    @Override
    public void setReference(Reference reference) {
        typed.setReference(reference);
    }

    @Override
    public Reference getReference() {
        return typed.getReference();
    }
}
