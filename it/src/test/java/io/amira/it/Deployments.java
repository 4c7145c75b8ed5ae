package io.amira.it;

import io.amira.it.probe.ProbeApplication;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;

/**
 * What integration tests deploy: the amira.ear that the ear module built, as is, plus test-only
 * modules (probes through which tests running outside the server drive the adapter and observe
 * what it delivers, and test MDBs).
 */
public final class Deployments {

    /** The adapter in amira.ear, as MDBs name it. */
    public static final String EAR_ADAPTER = "amira.ear#adapter.rar";

    private Deployments() {
    }

    /** The amira.ear the build produced. */
    public static EnterpriseArchive amiraEar() {
        File ear = new File(System.getProperty("amira.it.ear", "target/deployments/amira.ear"));
        if (!ear.isFile()) {
            throw new IllegalStateException("amira.ear not found at " + ear.getAbsolutePath() + "; run the build through Maven (mvn verify)");
        }
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, ear);
    }

    /** amira.ear plus the basic probe web module. */
    public static EnterpriseArchive amiraEarWithProbe() {
        WebArchive probe = ShrinkWrap.create(WebArchive.class, "probe.war")
                .addPackage(ProbeApplication.class.getPackage());
        return amiraEar().addAsModule(probe);
    }

    /** An empty EJB module whose message-driven beans bind to the adapter in amira.ear. */
    public static JavaArchive mdbModule(String name) {
        return ShrinkWrap.create(JavaArchive.class, name)
                .addAsManifestResource(resourceAdapterBinding(EAR_ADAPTER), "jboss-ejb3.xml");
    }

    /**
     * A jboss-ejb3.xml binding every MDB of a module to {@code adapter} (WildFly ignores a
     * resourceAdapter activation property).
     */
    public static StringAsset resourceAdapterBinding(String adapter) {
        return new StringAsset("""
                <?xml version="1.0" encoding="UTF-8"?>
                <jboss:ejb-jar xmlns:jboss="urn:jboss:jakartaee:1.0"
                               xmlns="https://jakarta.ee/xml/ns/jakartaee"
                               xmlns:r="urn:resource-adapter-binding"
                               version="4.0" impl-version="2.0">
                  <assembly-descriptor>
                    <r:resource-adapter-binding>
                      <ejb-name>*</ejb-name>
                      <r:resource-adapter-name>%s</r:resource-adapter-name>
                    </r:resource-adapter-binding>
                  </assembly-descriptor>
                </jboss:ejb-jar>
                """.formatted(adapter));
    }
}
