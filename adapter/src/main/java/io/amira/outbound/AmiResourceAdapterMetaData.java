package io.amira.outbound;

import io.amira.api.AmiInteractionSpec;
import jakarta.resource.cci.ResourceAdapterMetaData;

/** What CCI clients learn about the adapter itself. */
final class AmiResourceAdapterMetaData implements ResourceAdapterMetaData {

    static final AmiResourceAdapterMetaData INSTANCE = new AmiResourceAdapterMetaData();

    private AmiResourceAdapterMetaData() {
    }

    @Override
    public String getAdapterVersion() {
        Package pkg = AmiResourceAdapterMetaData.class.getPackage();
        String version = pkg == null ? null : pkg.getImplementationVersion();
        return version == null ? "0.1" : version;
    }

    @Override
    public String getAdapterVendorName() {
        return "Amira";
    }

    @Override
    public String getAdapterName() {
        return "Amira";
    }

    @Override
    public String getAdapterShortDescription() {
        return "Asterisk Manager Interface (AMI) resource adapter";
    }

    @Override
    public String getSpecVersion() {
        return "2.1";
    }

    @Override
    public String[] getInteractionSpecsSupported() {
        return new String[] {AmiInteractionSpec.class.getName()};
    }

    @Override
    public boolean supportsExecuteWithInputAndOutputRecord() {
        return true;
    }

    @Override
    public boolean supportsExecuteWithInputRecordOnly() {
        return true;
    }

    @Override
    public boolean supportsLocalTransactionDemarcation() {
        return false;
    }
}
