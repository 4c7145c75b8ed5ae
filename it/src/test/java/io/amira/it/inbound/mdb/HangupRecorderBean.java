package io.amira.it.inbound.mdb;

import io.amira.api.AmiEvent;
import io.amira.api.AmiEventListener;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;

/** Test-only MDB that wants Hangup events only (no lifecycle notifications). */
@MessageDriven(messageListenerInterface = AmiEventListener.class, activationConfig = {
        @ActivationConfigProperty(propertyName = "eventNames", propertyValue = "Hangup"),
        @ActivationConfigProperty(propertyName = "lifecycleEvents", propertyValue = "false")
})
public class HangupRecorderBean implements AmiEventListener {

    public static final String RECORDER = "hangup";

    @Override
    public void onEvent(AmiEvent event) {
        EventRecorder.record(RECORDER, event);
    }
}
