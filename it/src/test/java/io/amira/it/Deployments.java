package io.amira.it;

import io.amira.it.probe.ProbeApplication;
import jakarta.ejb.MessageDriven;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.asset.Asset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.ResourceAdapterArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * What integration tests deploy: the amira.ear that the ear module built, as is, plus test-only
 * modules (probes through which tests running outside the server drive the adapter and observe
 * what it delivers, and test MDBs). Test modules carry both servers' descriptors, as the sample
 * does: each server reads its own and ignores the other's.
 */
public final class Deployments {

    /** The adapter in amira.ear, as MDBs name it on WildFly. */
    public static final String EAR_ADAPTER = "amira.ear#adapter.rar";

    /** Binds every MDB of a module to an adapter (WildFly ignores a resourceAdapter activation property). */
    private static final String RESOURCE_ADAPTER_BINDING = """
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
            """;

    /** Payara's binding of one MDB to the adapter in amira.ear (application "amira", RAR module "adapter"). */
    private static final String PAYARA_MDB = """
                <ejb>
                  <ejb-name>%s</ejb-name>
                  <mdb-resource-adapter>
                    <resource-adapter-mid>amira#adapter</resource-adapter-mid>
                  </mdb-resource-adapter>
                </ejb>
            """;

    /** Payara: the probe's pool is amira.ear's application-scoped one. */
    private static final String PROBE_GLASSFISH_WEB = """
            <?xml version="1.0" encoding="UTF-8"?>
            <glassfish-web-app>
              <resource-ref>
                <res-ref-name>io.amira.it.probe.ConnectionProbe/connectionFactory</res-ref-name>
                <jndi-name>java:app/eis/amira</jndi-name>
              </resource-ref>
            </glassfish-web-app>
            """;

    /** Makes every MDB of a module a clustered singleton: one node of a WildFly cluster delivers at a time. */
    private static final String CLUSTERED_SINGLETON = """
              <c:clustering xmlns:c="urn:clustering:1.1">
                <ejb-name>*</ejb-name>
                <c:clustered-singleton>true</c:clustered-singleton>
              </c:clustering>
            """;

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

    /**
     * amira.ear whose adapter (the RAR's own activation) logs in as {@link AmiTarget#sessionUsername()}:
     * its pool and every MDB bound to it, so a test can count the deployment's sessions on a real
     * Asterisk ({@link AmiSessions}). The user and secret are set on the resource adapter in the
     * RAR's ironjacamar.xml, where they win over MicroProfile Config (WildFly; Payara reads no ironjacamar.xml).
     */
    public static EnterpriseArchive amiraEarWithCountedSessions() {
        EnterpriseArchive ear = amiraEar();
        if (ItServer.current() != ItServer.WILDFLY) {
            return ear;
        }
        ResourceAdapterArchive rar = ear.getAsType(ResourceAdapterArchive.class, "adapter.rar");
        String ironjacamar = text(rar.get("META-INF/ironjacamar.xml").getAsset());
        String credentials = "<config-property name=\"Username\">" + AmiTarget.sessionUsername() + "</config-property>\n"
                + "  <config-property name=\"Secret\">" + AmiTarget.sessionSecret() + "</config-property>\n  ";
        rar.addAsManifestResource(new StringAsset(ironjacamar.replace("<transaction-support>", credentials + "<transaction-support>")),
                "ironjacamar.xml");
        ear.delete("adapter.rar");
        return ear.addAsModule(rar);
    }

    private static String text(Asset asset) {
        try (InputStream in = asset.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** amira.ear plus the basic probe web module. */
    public static EnterpriseArchive amiraEarWithProbe() {
        return withProbe(amiraEar());
    }

    /** {@code ear} plus the basic probe web module. */
    public static EnterpriseArchive withProbe(EnterpriseArchive ear) {
        WebArchive probe = ShrinkWrap.create(WebArchive.class, "probe.war")
                .addPackage(ProbeApplication.class.getPackage())
                .addAsWebInfResource(new StringAsset(PROBE_GLASSFISH_WEB), "glassfish-web.xml");
        return ear.addAsModule(probe);
    }

    /** An EJB module of the message-driven beans in {@code beans}, each bound to the adapter in amira.ear. */
    public static JavaArchive mdbModule(String name, Package beans) {
        return withBindings(ShrinkWrap.create(JavaArchive.class, name).addPackage(beans), EAR_ADAPTER);
    }

    /**
     * An EJB module of {@code classes} whose message-driven beans bind to {@code resourceAdapter}
     * on WildFly (e.g. an adapter defined in the resource-adapters subsystem), to amira.ear's on Payara.
     */
    public static JavaArchive mdbModule(String name, String resourceAdapter, Class<?>... classes) {
        return withBindings(ShrinkWrap.create(JavaArchive.class, name).addClasses(classes), resourceAdapter);
    }

    /**
     * A jboss-ejb3.xml binding every MDB of a module to {@code adapter} on WildFly: amira.ear's
     * ({@link #EAR_ADAPTER}) or one deployed on its own (amira.rar).
     */
    public static StringAsset resourceAdapterBinding(String adapter) {
        return new StringAsset(RESOURCE_ADAPTER_BINDING.formatted(adapter));
    }

    private static JavaArchive withBindings(JavaArchive module, String resourceAdapter) {
        module.addAsManifestResource(resourceAdapterBinding(resourceAdapter), "jboss-ejb3.xml");
        StringBuilder payara = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<glassfish-ejb-jar>\n  <enterprise-beans>\n");
        for (Class<?> bean : messageDrivenBeans(module)) {
            payara.append(PAYARA_MDB.formatted(bean.getSimpleName()));
        }
        payara.append("  </enterprise-beans>\n</glassfish-ejb-jar>\n");
        return module.addAsManifestResource(new StringAsset(payara.toString()), "glassfish-ejb-jar.xml");
    }

    /**
     * WildFly only: an EJB module of the message-driven beans in {@code beans}, each bound to the
     * adapter in amira.ear and a clustered singleton (needs standalone-full-ha.xml: on a server
     * without the singleton subsystem the deployment fails).
     */
    public static JavaArchive clusteredSingletonMdbModule(String name, Package beans) {
        String descriptor = RESOURCE_ADAPTER_BINDING.formatted(EAR_ADAPTER)
                .replace("  </assembly-descriptor>", CLUSTERED_SINGLETON + "  </assembly-descriptor>");
        return ShrinkWrap.create(JavaArchive.class, name).addPackage(beans)
                .addAsManifestResource(new StringAsset(descriptor), "jboss-ejb3.xml");
    }

    private static List<Class<?>> messageDrivenBeans(JavaArchive module) {
        List<Class<?>> beans = new ArrayList<>();
        for (ArchivePath path : module.getContent().keySet()) {
            String file = path.get();
            if (file.endsWith(".class")) {
                String className = file.substring(1, file.length() - ".class".length()).replace('/', '.');
                try {
                    Class<?> type = Class.forName(className, false, Deployments.class.getClassLoader());
                    if (type.isAnnotationPresent(MessageDriven.class)) {
                        beans.add(type);
                    }
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException("A class of " + module.getName() + " is not on the test class path: " + className, e);
                }
            }
        }
        return beans;
    }
}
