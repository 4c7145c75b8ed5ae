package io.amira.it.bench;

import io.amira.it.Deployments;
import io.amira.it.bench.mdb.DeliveryStats;
import io.amira.it.bench.probe.BenchProbe;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * amira.ear as built, without the sample module (its MDB has no filter and would receive every
 * bench event too, doubling the work measured), plus {@code inbound-bench-mdbs.jar} (the counting
 * MDB) and {@code inbound-bench-probe.war} (REST access to its counters). The MDB's activation
 * properties {@code concurrency}, {@code bufferCapacityBytes} and {@code ordering} can be overridden with
 * {@code -Damira.bench.concurrency=...} etc.
 */
final class BenchDeployment {

    static final String PROBE_CONTEXT = "inbound-bench-probe";
    static final String[] OVERRIDABLE = {"concurrency", "bufferCapacityBytes", "ordering"};

    private BenchDeployment() {
    }

    static EnterpriseArchive create() {
        EnterpriseArchive archive = Deployments.amiraEar();
        archive.delete("ejb-sample.jar");
        JavaArchive mdbs = Deployments.mdbModule("inbound-bench-mdbs.jar", DeliveryStats.class.getPackage());
        String overrides = activationOverrides();
        if (!overrides.isEmpty()) {
            mdbs.addAsManifestResource(new StringAsset(ejbJarXml(overrides)), "ejb-jar.xml");
        }
        WebArchive probe = ShrinkWrap.create(WebArchive.class, PROBE_CONTEXT + ".war")
                .addPackage(BenchProbe.class.getPackage());
        return archive.addAsModule(mdbs).addAsModule(probe);
    }

    /** The activation properties set with -Damira.bench.NAME, as ejb-jar.xml elements. */
    private static String activationOverrides() {
        StringBuilder properties = new StringBuilder();
        for (String name : OVERRIDABLE) {
            String value = System.getProperty("amira.bench." + name);
            if (value != null && !value.isBlank()) {
                properties.append("""
                                  <activation-config-property>
                                    <activation-config-property-name>%s</activation-config-property-name>
                                    <activation-config-property-value>%s</activation-config-property-value>
                                  </activation-config-property>
                        """.formatted(name, value.trim()));
            }
        }
        return properties.toString();
    }

    private static String ejbJarXml(String properties) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <ejb-jar xmlns="https://jakarta.ee/xml/ns/jakartaee" version="4.0">
                  <enterprise-beans>
                    <message-driven>
                      <ejb-name>DeliveryCounterBean</ejb-name>
                      <activation-config>
                %s      </activation-config>
                    </message-driven>
                  </enterprise-beans>
                </ejb-jar>
                """.formatted(properties);
    }
}
