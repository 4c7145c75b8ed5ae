package io.amira.it.inbound.mdb;

import io.amira.api.AmiEvent;
import io.amira.api.AmiEventListener;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;

/** Test-only MDB that wants the dialplan's {@code UserEvent(Demo)} only, by class and header match. */
@MessageDriven(messageListenerInterface = AmiEventListener.class, activationConfig = {
        @ActivationConfigProperty(propertyName = "eventClasses", propertyValue = "user"),
        @ActivationConfigProperty(propertyName = "headerMatch", propertyValue = "UserEvent: Demo"),
        @ActivationConfigProperty(propertyName = "lifecycleEvents", propertyValue = "false")
})
public class DemoUserEventRecorderBean implements AmiEventListener {

    public static final String RECORDER = "demo-userevent";

    @Override
    public void onEvent(AmiEvent event) {
        EventRecorder.record(RECORDER, event);
    }
}
