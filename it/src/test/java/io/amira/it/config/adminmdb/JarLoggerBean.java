package io.amira.it.config.adminmdb;

import io.amira.api.AmiEvent;
import io.amira.api.AmiEventListener;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;

import java.util.logging.Logger;

/** An MDB in a plain EJB jar, bound to amira.rar: writes each user event to server.log, where the test reads it. */
@MessageDriven(messageListenerInterface = AmiEventListener.class, activationConfig = {
        @ActivationConfigProperty(propertyName = "eventClasses", propertyValue = "user"),
        @ActivationConfigProperty(propertyName = "lifecycleEvents", propertyValue = "false")
})
public class JarLoggerBean implements AmiEventListener {

    public static final String MARKER = "admin-it jar MDB received";

    private static final Logger LOG = Logger.getLogger(JarLoggerBean.class.getName());

    @Override
    public void onEvent(AmiEvent event) {
        LOG.info(MARKER + " " + event.name() + " " + event.get("UserEvent"));
    }
}
