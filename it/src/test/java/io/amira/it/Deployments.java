package io.amira.it;

import io.amira.it.probe.ProbeApplication;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;

/**
 * The deployment every integration test uses: the amira.ear that the ear module built, as is, plus
 * a small test-only web module (the probe) through which tests running outside the server drive
 * the adapter and observe what it delivers.
 */
public final class Deployments {

    private Deployments() {
    }

    public static EnterpriseArchive amiraEarWithProbe() {
        File ear = new File(System.getProperty("amira.it.ear", "target/deployments/amira.ear"));
        if (!ear.isFile()) {
            throw new IllegalStateException("amira.ear not found at " + ear.getAbsolutePath() + "; run the build through Maven (mvn verify)");
        }
        EnterpriseArchive archive = ShrinkWrap.createFromZipFile(EnterpriseArchive.class, ear);
        WebArchive probe = ShrinkWrap.create(WebArchive.class, "probe.war")
                .addPackage(ProbeApplication.class.getPackage());
        return archive.addAsModule(probe);
    }
}
