package io.amira.it.config.mdb;

import io.amira.api.AmiEvent;
import io.amira.api.AmiEventListener;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;

/** Test-only MDB taking its server settings from the adapter it is bound to; records the notifications. */
@MessageDriven(messageListenerInterface = AmiEventListener.class, activationConfig = {
        @ActivationConfigProperty(propertyName = "eventNames", propertyValue = "UserEvent")
})
public class RecorderBean implements AmiEventListener {

    @Override
    public void onEvent(AmiEvent event) {
        Recorder.record(event);
    }
}
