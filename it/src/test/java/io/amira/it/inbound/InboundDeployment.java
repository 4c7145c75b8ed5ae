package io.amira.it.inbound;

import io.amira.it.Deployments;
import io.amira.it.inbound.mdb.EventRecorder;
import io.amira.it.inbound.probe.InboundProbe;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * amira.ear as built, plus two test-only modules: {@code inbound-it-mdbs.jar} (MDBs with different
 * filters recording what they receive) and {@code inbound-probe.war} (REST access to the records).
 */
final class InboundDeployment {

    static final String PROBE_CONTEXT = "/inbound-probe";

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

    private InboundDeployment() {
    }

    static EnterpriseArchive create() {
        JavaArchive mdbs = ShrinkWrap.create(JavaArchive.class, "inbound-it-mdbs.jar")
                .addPackage(EventRecorder.class.getPackage())
                .addAsManifestResource(new StringAsset(RESOURCE_ADAPTER_BINDING), "jboss-ejb3.xml");
        WebArchive probe = ShrinkWrap.create(WebArchive.class, "inbound-probe.war")
                .addPackage(InboundProbe.class.getPackage());
        return Deployments.amiraEarWithProbe().addAsModule(mdbs).addAsModule(probe);
    }
}
