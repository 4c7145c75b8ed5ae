package io.amira.outbound;

import jakarta.resource.cci.IndexedRecord;

import java.util.ArrayList;

/** A CCI indexed record: an ordered list (e.g. the items of a list action). */
final class AmiIndexedRecord<E> extends ArrayList<E> implements IndexedRecord<E> {

    private static final long serialVersionUID = 1L;

    private String recordName;
    private String shortDescription;

    AmiIndexedRecord(String recordName) {
        this.recordName = recordName;
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
    public AmiIndexedRecord<E> clone() {
        @SuppressWarnings("unchecked")
        AmiIndexedRecord<E> copy = (AmiIndexedRecord<E>) super.clone();
        return copy;
    }
}
