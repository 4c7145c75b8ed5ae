package io.amira.it.config.adminprobe;

import io.amira.api.AmiEvent;
import io.amira.api.AmiEventListener;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;

/** An MDB in a plain WAR, bound to amira.rar: records the user events it receives. */
@MessageDriven(messageListenerInterface = AmiEventListener.class, activationConfig = {
        @ActivationConfigProperty(propertyName = "eventClasses", propertyValue = "user"),
        @ActivationConfigProperty(propertyName = "lifecycleEvents", propertyValue = "false")
})
public class WarRecorderBean implements AmiEventListener {

    @Override
    public void onEvent(AmiEvent event) {
        ReceivedEvents.add(event.name() + " " + event.get("UserEvent"));
    }
}
