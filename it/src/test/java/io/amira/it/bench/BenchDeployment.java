package io.amira.it.bench;

import io.amira.it.bench.mdb.DeliveryStats;
import io.amira.it.bench.probe.BenchProbe;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;

/**
 * amira.ear as built, without the sample module (its MDB has no filter and would receive every
 * bench event too, doubling the work measured), plus {@code inbound-bench-mdbs.jar} (the counting
 * MDB) and {@code inbound-bench-probe.war} (REST access to its counters). The MDB's activation
 * properties {@code concurrency}, {@code bufferCapacity} and {@code ordering} can be overridden with
 * {@code -Damira.bench.concurrency=...} etc.
 */
final class BenchDeployment {

    static final String PROBE_CONTEXT = "inbound-bench-probe";
    static final String[] OVERRIDABLE = {"concurrency", "bufferCapacity", "ordering"};

    private static final String RESOURCE_ADAPTER_BINDING = """
            <?xml version="1.0" encoding="UTF-8"?>
            <jboss:ejb-jar xmlns:jboss="urn:jboss:jakartaee:1.0"
                           xmlns="https://jakarta.ee/xml/ns/jakartaee"
                           xmlns:r="urn:resource-adapter-binding"
                           version="4.0" impl-version="2.0">
              <assembly-descriptor>
                <r:resource-adapter-binding>
                  <ejb-name>*</ejb-name>
                  <r:resource-adapter-name>amira.ear#adapter.rar</r:resource-adapter-name>
                </r:resource-adapter-binding>
              </assembly-descriptor>
            </jboss:ejb-jar>
            """;

    private BenchDeployment() {
    }

    static EnterpriseArchive create() {
        File ear = new File(System.getProperty("amira.it.ear", "target/deployments/amira.ear"));
        if (!ear.isFile()) {
            throw new IllegalStateException("amira.ear not found at " + ear.getAbsolutePath() + "; run the build through Maven (mvn verify)");
        }
        EnterpriseArchive archive = ShrinkWrap.createFromZipFile(EnterpriseArchive.class, ear);
        archive.delete("ejb-sample.jar");
        JavaArchive mdbs = ShrinkWrap.create(JavaArchive.class, "inbound-bench-mdbs.jar")
                .addPackage(DeliveryStats.class.getPackage())
                .addAsManifestResource(new StringAsset(RESOURCE_ADAPTER_BINDING), "jboss-ejb3.xml");
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
