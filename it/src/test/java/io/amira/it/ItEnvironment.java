package io.amira.it;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Prepares the integration-test run before Arquillian starts WildFly: a free port offset for the
 * server, and the AMI server the adapter talks to, handed to WildFly as system properties that
 * arquillian.xml reads.
 */
public class ItEnvironment implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        WildFlyPorts ports = WildFlyPorts.pickFree();
        System.setProperty("amira.it.port-offset", Integer.toString(ports.offset()));
        System.setProperty("amira.it.management-port", Integer.toString(ports.managementPort()));
        System.setProperty("amira.it.server-properties", "");
    }
}
