package io.amira.it.inbound.mdb;

import io.amira.api.AmiEvent;
import io.amira.api.AmiEventListener;
import jakarta.ejb.MessageDriven;

/** Test-only MDB without a filter: records every event, lifecycle notifications included. */
@MessageDriven(messageListenerInterface = AmiEventListener.class)
public class AllEventsRecorderBean implements AmiEventListener {

    public static final String RECORDER = "all";

    @Override
    public void onEvent(AmiEvent event) {
        EventRecorder.record(RECORDER, event);
    }
}
