package io.amira.it;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Prepares the integration-test run before Arquillian starts WildFly: a free port offset for the
 * server, and the AMI server the adapter talks to (the simulator, or a real Asterisk named by
 * {@code AMIRA_IT_*}), handed to WildFly as system properties that arquillian.xml reads; and a fresh
 * server base directory (configuration, data, log) so no run sees another's state. Stops the
 * simulator when the run ends.
 */
public class ItEnvironment implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        System.setProperty("amira.it.server-base", ServerBaseDirectory.fresh().toString());
        WildFlyPorts ports = WildFlyPorts.pickFree();
        System.setProperty("amira.it.port-offset", Integer.toString(ports.offset()));
        System.setProperty("amira.it.management-port", Integer.toString(ports.managementPort()));
        AmiTarget.start();
        System.setProperty("amira.it.server-properties", AmiTarget.serverProperties());
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        AmiTarget.stop();
    }
}
