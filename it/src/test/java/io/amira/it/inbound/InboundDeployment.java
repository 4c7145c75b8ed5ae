package io.amira.it.inbound;

import io.amira.it.Deployments;
import io.amira.it.inbound.mdb.EventRecorder;
import io.amira.it.inbound.probe.InboundProbe;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * amira.ear as built, plus two test-only modules: {@code inbound-it-mdbs.jar} (MDBs with different
 * filters recording what they receive) and {@code inbound-probe.war} (REST access to the records).
 */
final class InboundDeployment {

    static final String PROBE_CONTEXT = "/inbound-probe";

    private InboundDeployment() {
    }

    static EnterpriseArchive create() {
        JavaArchive mdbs = Deployments.mdbModule("inbound-it-mdbs.jar", EventRecorder.class.getPackage());
        WebArchive probe = ShrinkWrap.create(WebArchive.class, "inbound-probe.war")
                .addPackage(InboundProbe.class.getPackage());
        // On a real Asterisk the MDBs log in as the dedicated session user, whose sessions a test can kick.
        return Deployments.withProbe(Deployments.amiraEarWithCountedSessions()).addAsModule(mdbs).addAsModule(probe);
    }
}
