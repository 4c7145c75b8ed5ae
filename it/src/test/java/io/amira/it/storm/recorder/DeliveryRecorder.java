package io.amira.it.storm.recorder;

import io.amira.api.AmiEvent;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.InvocationContext;

/**
 * Test-only interceptor, bound to the sample's {@code CallEventListenerBean} (or the counting MDB)
 * by the storm deployment's ejb-jar.xml: records every event the bean receives, as it enters the
 * bean, in a {@link CallLedger} that the storm probe hands to the test. Static, so recording never
 * waits for another component (the probe war sees this class through the EAR).
 */
public class DeliveryRecorder {

    public static final CallLedger LEDGER = new CallLedger();

    @AroundInvoke
    public Object record(InvocationContext invocation) throws Exception {
        Object[] parameters = invocation.getParameters();
        if (parameters.length == 1 && parameters[0] instanceof AmiEvent event) {
            LEDGER.add(event);
        }
        return invocation.proceed();
    }
}
