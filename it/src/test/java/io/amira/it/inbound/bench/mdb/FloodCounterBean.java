package io.amira.it.inbound.bench.mdb;

import io.amira.api.AmiEvent;
import io.amira.api.AmiEventListener;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

/**
 * Bench-only MDB: counts the bench's UserEvents, checks each call's order, samples latency. No
 * transaction per event (an event listener rarely needs one; with REQUIRED each delivery would
 * also begin and commit a JTA transaction).
 */
@MessageDriven(messageListenerInterface = AmiEventListener.class, activationConfig = {
        @ActivationConfigProperty(propertyName = "eventNames", propertyValue = "UserEvent"),
        @ActivationConfigProperty(propertyName = "headerMatch", propertyValue = "UserEvent: Bench"),
        @ActivationConfigProperty(propertyName = "concurrency", propertyValue = "8"),
        @ActivationConfigProperty(propertyName = "bufferCapacity", propertyValue = "1000000")
})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class FloodCounterBean implements AmiEventListener {

    @Override
    public void onEvent(AmiEvent event) {
        BenchStats.record(event);
    }
}
