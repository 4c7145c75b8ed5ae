package io.amira.outbound;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the RAR's own {@code META-INF/ironjacamar.xml} declares about its pool, as IronJacamar reads it. */
final class RarDescriptor {

    static final Path IRONJACAMAR_XML = Path.of("src", "main", "rar", "META-INF", "ironjacamar.xml");

    private RarDescriptor() {
    }

    /**
     * IronJacamar's choice for the connection definition: {@code <security><application/>} makes one
     * sub-pool per ConnectionRequestInfo, no security element one pool for every request.
     */
    static PoolingConnectionManager.PoolStrategy poolStrategy() {
        Element definition = connectionDefinition();
        NodeList security = definition.getElementsByTagName("security");
        boolean application = security.getLength() == 1
                && ((Element) security.item(0)).getElementsByTagName("application").getLength() == 1;
        return application ? PoolingConnectionManager.PoolStrategy.POOL_BY_CRI : PoolingConnectionManager.PoolStrategy.ONE_POOL;
    }

    private static Element connectionDefinition() {
        try {
            DocumentBuilderFactory parser = DocumentBuilderFactory.newInstance();
            parser.setNamespaceAware(false);
            parser.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document document;
            try (var in = Files.newInputStream(IRONJACAMAR_XML)) {
                document = parser.newDocumentBuilder().parse(in);
            }
            NodeList definitions = document.getElementsByTagName("connection-definition");
            if (definitions.getLength() != 1) {
                throw new IllegalStateException(IRONJACAMAR_XML + " declares " + definitions.getLength()
                        + " connection definitions, not one");
            }
            return (Element) definitions.item(0);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read " + IRONJACAMAR_XML.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }
}
