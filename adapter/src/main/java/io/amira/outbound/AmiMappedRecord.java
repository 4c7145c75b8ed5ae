package io.amira.outbound;

import jakarta.resource.cci.MappedRecord;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A CCI mapped record keeping insertion order; String keys are also found regardless of case, the
 * way AMI header names compare.
 */
final class AmiMappedRecord<K, V> extends LinkedHashMap<K, V> implements MappedRecord<K, V> {

    private static final long serialVersionUID = 1L;

    private String recordName;
    private String shortDescription;

    AmiMappedRecord(String recordName) {
        this.recordName = recordName;
    }

    @Override
    public V get(Object key) {
        V exact = super.get(key);
        if (exact != null || !(key instanceof String name)) {
            return exact;
        }
        for (Map.Entry<K, V> entry : entrySet()) {
            if (entry.getKey() instanceof String candidate && candidate.equalsIgnoreCase(name)) {
                return entry.getValue();
            }
        }
        return null;
    }

    @Override
    public boolean containsKey(Object key) {
        return get(key) != null || super.containsKey(key);
    }

    @Override
    public String getRecordName() {
        return recordName;
    }

    @Override
    public void setRecordName(String name) {
        this.recordName = name;
    }

    @Override
    public String getRecordShortDescription() {
        return shortDescription;
    }

    @Override
    public void setRecordShortDescription(String description) {
        this.shortDescription = description;
    }

    @Override
    public AmiMappedRecord<K, V> clone() {
        @SuppressWarnings("unchecked")
        AmiMappedRecord<K, V> copy = (AmiMappedRecord<K, V>) super.clone();
        return copy;
    }
}
