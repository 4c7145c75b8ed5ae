package io.amira.api;

/**
 * The message listener interface of Amira's inbound side: a message-driven bean implements it to
 * receive AMI events. Events of one call arrive in order; different calls may arrive in parallel.
 */
public interface AmiEventListener {

    /**
     * Called once per delivered event. An exception thrown here is logged by the adapter and does
     * not stop the stream.
     */
    void onEvent(AmiEvent event);
}
