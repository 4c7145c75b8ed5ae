package io.amira.it.storm;

import io.amira.it.Deployments;
import io.amira.it.storm.counting.CountingListenerBean;
import io.amira.it.storm.probe.StormProbe;
import io.amira.it.storm.probe.board.BoardProbe;
import io.amira.it.storm.recorder.DeliveryRecorder;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.util.Map;
import java.util.TreeMap;

/**
 * The storm's deployment: amira.ear as built, with {@link DeliveryRecorder} bound to the receiving
 * MDB by an ejb-jar.xml (the bean's code stays as shipped), plus {@code storm-probe.war}.
 *
 * <ul>
 * <li>{@code sample} (default): the sample's {@code CallEventListenerBean} receives, inside
 *     {@code ejb-sample.jar}; the probe also reads the sample's call board.</li>
 * <li>{@code counting} ({@code -Damira.storm.mdb=counting}): without the sample module;
 *     {@link CountingListenerBean} in {@code storm-mdbs.jar} receives.</li>
 * </ul>
 * Activation properties of the receiving MDB can be set for measurements with
 * {@code -Damira.storm.activation.NAME=VALUE} (e.g. {@code concurrency}); the storm IT runs with none.
 */
final class StormDeployment {

    static final String PROBE_CONTEXT = "storm-probe";
    private static final String ACTIVATION_PREFIX = "amira.storm.activation.";

    private StormDeployment() {
    }

    static boolean sample() {
        return !"counting".equals(System.getProperty("amira.storm.mdb", "sample"));
    }

    static EnterpriseArchive create() {
        EnterpriseArchive ear = Deployments.amiraEar();
        WebArchive probe = ShrinkWrap.create(WebArchive.class, PROBE_CONTEXT + ".war").addPackage(StormProbe.class.getPackage());
        JavaArchive receiver;
        String bean;
        if (sample()) {
            receiver = ear.getAsType(JavaArchive.class, "ejb-sample.jar");
            ear.delete("ejb-sample.jar");
            bean = "CallEventListenerBean";
            probe.addPackage(BoardProbe.class.getPackage());
        } else {
            ear.delete("ejb-sample.jar");
            receiver = Deployments.mdbModule("storm-mdbs.jar", "amira.ear#adapter.rar", CountingListenerBean.class);
            bean = CountingListenerBean.class.getSimpleName();
        }
        receiver.addPackage(DeliveryRecorder.class.getPackage())
                .addAsManifestResource(new StringAsset(ejbJarXml(bean, activationOverrides())), "ejb-jar.xml");
        return ear.addAsModule(receiver).addAsModule(probe);
    }

    /** The activation properties set with -Damira.storm.activation.NAME. */
    static Map<String, String> activationOverrides() {
        Map<String, String> overrides = new TreeMap<>();
        for (String name : System.getProperties().stringPropertyNames()) {
            if (name.startsWith(ACTIVATION_PREFIX)) {
                overrides.put(name.substring(ACTIVATION_PREFIX.length()), System.getProperty(name).trim());
            }
        }
        return overrides;
    }

    private static String ejbJarXml(String bean, Map<String, String> activation) {
        StringBuilder properties = new StringBuilder();
        activation.forEach((name, value) -> properties.append("""
                          <activation-config-property>
                            <activation-config-property-name>%s</activation-config-property-name>
                            <activation-config-property-value>%s</activation-config-property-value>
                          </activation-config-property>
                """.formatted(name, value)));
        String beans = activation.isEmpty() ? "" : """
                  <enterprise-beans>
                    <message-driven>
                      <ejb-name>%s</ejb-name>
                      <activation-config>
                %s      </activation-config>
                    </message-driven>
                  </enterprise-beans>
                """.formatted(bean, properties);
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <ejb-jar xmlns="https://jakarta.ee/xml/ns/jakartaee" version="4.0">
                %s  <interceptors>
                    <interceptor>
                      <interceptor-class>%s</interceptor-class>
                    </interceptor>
                  </interceptors>
                  <assembly-descriptor>
                    <interceptor-binding>
                      <ejb-name>%s</ejb-name>
                      <interceptor-class>%s</interceptor-class>
                    </interceptor-binding>
                  </assembly-descriptor>
                </ejb-jar>
                """.formatted(beans, DeliveryRecorder.class.getName(), bean, DeliveryRecorder.class.getName());
    }
}
