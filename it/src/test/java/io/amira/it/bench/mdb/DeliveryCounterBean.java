package io.amira.it.bench.mdb;

import io.amira.api.AmiEvent;
import io.amira.api.AmiEventListener;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

/**
 * Test-only bench MDB: counts and checks per-call order, nothing else. No transaction: a bean that
 * only reacts to events has nothing to enlist, and a JTA transaction per event would be measured
 * instead of the adapter. Concurrency 8, the adapter's default (it measured faster than 4 and 1 on
 * the 2-core bench machine, see docs/PERFORMANCE.md); a buffer
 * of 256 MiB holds a whole flat-out flood of the bench (1,000,000 events of 106 bytes, 192 bytes each
 * as the buffer counts them), so the maximum rate is measured without drops and every call's order
 * can be checked exactly. The bench may override these properties in its generated ejb-jar.xml.
 */
@MessageDriven(messageListenerInterface = AmiEventListener.class, activationConfig = {
        @ActivationConfigProperty(propertyName = "eventNames", propertyValue = "UserEvent"),
        @ActivationConfigProperty(propertyName = "eventClasses", propertyValue = "user"),
        @ActivationConfigProperty(propertyName = "ordering", propertyValue = "call"),
        @ActivationConfigProperty(propertyName = "concurrency", propertyValue = "8"),
        @ActivationConfigProperty(propertyName = "bufferCapacityBytes", propertyValue = "268435456")
})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DeliveryCounterBean implements AmiEventListener {

    @Override
    public void onEvent(AmiEvent event) {
        DeliveryStats.onEvent(event);
    }
}
