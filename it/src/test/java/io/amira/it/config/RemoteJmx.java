package io.amira.it.config;

import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;

/**
 * The test server's MBeans as an operator's jconsole sees them: remote JMX over the management
 * interface ({@code service:jmx:remote+http://host:9990}, here with local authentication).
 */
final class RemoteJmx implements AutoCloseable {

    private final JMXConnector connector;
    private final MBeanServerConnection server;

    private RemoteJmx(JMXConnector connector) throws IOException {
        this.connector = connector;
        this.server = connector.getMBeanServerConnection();
    }

    static RemoteJmx connect() {
        try {
            return new RemoteJmx(JMXConnectorFactory.connect(
                    new JMXServiceURL("service:jmx:remote+http://127.0.0.1:" + Management.managementPort())));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot connect to the test server's JMX", e);
        }
    }

    /** The inbound activation MBean of the bean class {@code beanClass}. */
    static ObjectName activation(Class<?> beanClass) {
        try {
            return new ObjectName("io.amira:type=InboundActivation,name=" + beanClass.getName());
        } catch (JMException e) {
            throw new IllegalArgumentException(e);
        }
    }

    Object attribute(ObjectName name, String attribute) throws IOException, JMException {
        return server.getAttribute(name, attribute);
    }

    Set<ObjectName> names(String pattern) throws IOException, JMException {
        return server.queryNames(new ObjectName(pattern), null);
    }

    @Override
    public void close() {
        try {
            connector.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
