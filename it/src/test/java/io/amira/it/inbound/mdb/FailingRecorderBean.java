package io.amira.it.inbound.mdb;

import io.amira.api.AmiEvent;
import io.amira.api.AmiEventListener;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;

/** Test-only MDB that records each UserEvent and then throws: the adapter must log it and go on. */
@MessageDriven(messageListenerInterface = AmiEventListener.class, activationConfig = {
        @ActivationConfigProperty(propertyName = "eventNames", propertyValue = "UserEvent"),
        @ActivationConfigProperty(propertyName = "lifecycleEvents", propertyValue = "false")
})
public class FailingRecorderBean implements AmiEventListener {

    public static final String RECORDER = "failing";

    @Override
    public void onEvent(AmiEvent event) {
        EventRecorder.record(RECORDER, event);
        throw new IllegalStateException("FailingRecorderBean fails on purpose (inbound IT)");
    }
}
