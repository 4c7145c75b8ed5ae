package io.amira.it.cluster.mdb;

import io.amira.api.AmiEvent;
import io.amira.api.AmiEventListener;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;

/**
 * Test-only MDB, a clustered singleton (the module's jboss-ejb3.xml): appends every call event and
 * lifecycle notification it receives to its node's {@link RecordFile}, so the cluster IT can count
 * what each node delivered, also after a node was killed.
 */
@MessageDriven(messageListenerInterface = AmiEventListener.class, activationConfig = {
        @ActivationConfigProperty(propertyName = "eventClasses", propertyValue = "call,user")
})
public class ClusterRecorderBean implements AmiEventListener {

    @Override
    public void onEvent(AmiEvent event) {
        RecordFile.append(event);
    }
}
