package io.amira.sample;

import io.amira.api.AmiEvent;
import io.amira.api.AmiEventListener;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;

import java.util.logging.Logger;

/** Receives AMI events from the Amira resource adapter in the same EAR and logs each one. */
@MessageDriven(
        messageListenerInterface = AmiEventListener.class,
        activationConfig = {
            @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "amira.ear#adapter.rar")
        })
public class CallEventListenerBean implements AmiEventListener {

    private static final Logger LOG = Logger.getLogger(CallEventListenerBean.class.getName());

    @Override
    public void onEvent(AmiEvent event) {
        LOG.info(() -> "AMI event " + event.name());
    }
}
