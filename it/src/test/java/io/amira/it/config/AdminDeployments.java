package io.amira.it.config;

import io.amira.health.ConnectionCheck;
import io.amira.it.Deployments;
import io.amira.it.config.adminmdb.JarLoggerBean;
import io.amira.it.config.adminprobe.AdminProbe;
import io.amira.it.probes.FailureAnswer;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.ResourceAdapterArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The admin route's deployments: amira.rar as the build made it, and three applications of the
 * administrator's server using it: a plain WAR (probe, readiness check, an MDB), a plain EJB jar
 * (an MDB) and an EAR (the probe WAR again). Each declares its dependency on the adapter's classes
 * ({@code Dependencies: deployment.amira.rar}) and binds its MDBs to {@code amira.rar}.
 */
final class AdminDeployments {

    static final String RAR = "amira.rar";
    static final String PROBE = "amira-admin-probe";
    static final String EAR_PROBE = "amira-admin-ear-probe";
    static final String MDB_JAR = "amira-admin-mdb.jar";
    static final String EAR = "amira-admin-app.ear";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private AdminDeployments() {
    }

    static ResourceAdapterArchive adapter() {
        File rar = new File(System.getProperty("amira.it.rar", "target/deployments/amira.rar"));
        if (!rar.isFile()) {
            throw new IllegalStateException("amira.rar not found at " + rar.getAbsolutePath() + "; run the build through Maven (mvn verify)");
        }
        return ShrinkWrap.createFromZipFile(ResourceAdapterArchive.class, rar);
    }

    static WebArchive probe(String name) {
        JavaArchive health = ShrinkWrap.create(JavaArchive.class, "amira-health.jar")
                .addPackage(ConnectionCheck.class.getPackage());
        return usingTheAdapter(ShrinkWrap.create(WebArchive.class, name + ".war")
                .addPackage(AdminProbe.class.getPackage()).addClass(FailureAnswer.class)
                .addAsLibrary(health)
                .addAsWebInfResource(Deployments.resourceAdapterBinding(RAR), "jboss-ejb3.xml"));
    }

    static JavaArchive mdbJar() {
        return usingTheAdapter(ShrinkWrap.create(JavaArchive.class, MDB_JAR)
                .addPackage(JarLoggerBean.class.getPackage())
                .addAsManifestResource(Deployments.resourceAdapterBinding(RAR), "jboss-ejb3.xml"));
    }

    static EnterpriseArchive ear() {
        return ShrinkWrap.create(EnterpriseArchive.class, EAR).addAsModule(probe(EAR_PROBE));
    }

    /** What an application of the admin route declares: the adapter's classes come from the deployed amira.rar. */
    private static <T extends Archive<T>> T usingTheAdapter(T archive) {
        return archive.add(new StringAsset("Manifest-Version: 1.0\nDependencies: deployment." + RAR
                + ", org.eclipse.microprofile.health.api\n"), "META-INF/MANIFEST.MF");
    }

    /**
     * GET {@code /<context>/admin/<operation>?jndi=<factory>} on the test server's HTTP port (Arquillian's
     * ManagementClient is not injected into a class of several deployments none of which is managed).
     */
    static HttpResponse<String> get(String context, String operation, String jndi) throws Exception {
        int port = 8080 + Integer.getInteger("amira.it.port-offset");
        URI uri = URI.create("http://127.0.0.1:" + port + "/" + context + "/admin/" + operation
                + (jndi == null ? "" : "?jndi=" + URLEncoder.encode(jndi, StandardCharsets.UTF_8)));
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(90)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
