package io.amira.it.storm.counting;

import io.amira.api.AmiEvent;
import io.amira.api.AmiEventListener;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

/**
 * Test-only: an MDB with the adapter's default settings (no filter: every event) that does no work
 * of its own (the storm deployment's recorder interceptor counts what it receives), for the storm
 * with the sample's work taken out ({@code -Damira.storm.mdb=counting}). No transaction, as the
 * sample's bean.
 */
@MessageDriven(messageListenerInterface = AmiEventListener.class)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CountingListenerBean implements AmiEventListener {

    @Override
    public void onEvent(AmiEvent event) {
        // Nothing: the recorder counts on the way in.
    }
}
