package io.amira.it;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Prepares the integration-test run before the first test: the AMI server the adapter talks to
 * (the simulator, or a real Asterisk named by {@code AMIRA_IT_*}), then the application server
 * with free ports and fresh configuration pointing at it. WildFly: a free port offset and the
 * adapter's properties as system properties that arquillian.xml hands to the server Arquillian
 * starts, in a fresh base directory. Payara: the domain this JVM creates, starts and stops itself
 * ({@link PayaraDomain}). Stops what it started when the run ends.
 */
public class ItEnvironment implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        AmiTarget.start();
        if (ItServer.current() == ItServer.PAYARA) {
            PayaraDomain payara = PayaraDomain.start(AmiTarget.adapterProperties());
            System.setProperty("amira.it.admin-port", Integer.toString(payara.adminPort()));
            System.setProperty("amira.it.http-port", Integer.toString(payara.httpPort()));
        } else {
            System.setProperty("amira.it.server-base", ServerBaseDirectory.fresh().toString());
            WildFlyPorts ports = WildFlyPorts.pickFree();
            System.setProperty("amira.it.port-offset", Integer.toString(ports.offset()));
            System.setProperty("amira.it.management-port", Integer.toString(ports.managementPort()));
            System.setProperty("amira.it.http-port", Integer.toString(ports.httpPort()));
            // amira.it.server-jvm-options: extra options for WildFly's JVM, e.g. a flight recording for a bench.
            System.setProperty("amira.it.server-properties",
                    (AmiTarget.serverProperties() + " " + System.getProperty("amira.it.server-jvm-options", "")).trim());
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        try {
            PayaraDomain.stopIfRunning();
        } finally {
            AmiTarget.stop();
        }
    }
}
