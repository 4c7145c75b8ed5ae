package io.amira.sample;

import io.amira.api.AmiEvent;
import io.amira.api.AmiEventListener;
import jakarta.ejb.MessageDriven;

import java.util.logging.Logger;

/**
 * Receives AMI events from the Amira resource adapter in the same EAR and logs each one. The
 * binding to the adapter ({@code amira.ear#adapter.rar}) is in META-INF/jboss-ejb3.xml.
 */
@MessageDriven(messageListenerInterface = AmiEventListener.class)
public class CallEventListenerBean implements AmiEventListener {

    private static final Logger LOG = Logger.getLogger(CallEventListenerBean.class.getName());

    @Override
    public void onEvent(AmiEvent event) {
        LOG.info(() -> "AMI event " + event.name());
    }
}
