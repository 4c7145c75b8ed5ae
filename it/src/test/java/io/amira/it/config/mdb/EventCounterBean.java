package io.amira.it.config.mdb;

import io.amira.api.AmiEvent;
import io.amira.api.AmiEventListener;
import jakarta.ejb.MessageDriven;

/** Test-only MDB receiving every event; Amira's MBean of its activation counts them. */
@MessageDriven(messageListenerInterface = AmiEventListener.class)
public class EventCounterBean implements AmiEventListener {

    @Override
    public void onEvent(AmiEvent event) {
        // counted by io.amira:type=InboundActivation,name=io.amira.it.config.mdb.EventCounterBean
    }
}
