package io.amira.it.outbound;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * CCI through the deployed pool: an EJB runs {@code cci().getConnection().createInteraction().execute(spec, record)}
 * for Command (output lines) and for a list action (its items and closing event).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OutboundCciIT {

    @ArquillianResource
    private ManagementClient management;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return OutboundDeployments.amiraEarWithOutboundProbe();
    }

    @Test
    void commandReturnsItsOutputLines() throws Exception {
        HttpResponse<String> answer = OutboundDeployments.probe(management.getWebUri(),
                "pool/cci/command?cli=core%20show%20version");

        assertEquals(200, answer.statusCode(), answer.body());
        assertTrue(answer.body().startsWith("Asterisk "), answer.body());
    }

    @Test
    void aListActionReturnsItsItemsAndClosingEvent() throws Exception {
        HttpResponse<String> answer = OutboundDeployments.probe(management.getWebUri(), "pool/cci/list?action=QueueStatus");

        assertEquals(200, answer.statusCode(), answer.body());
        Matcher list = Pattern.compile("Success items=(\\d+) completion=QueueStatusComplete first=QueueParams")
                .matcher(answer.body());
        assertTrue(list.matches(), answer.body());
        assertTrue(Integer.parseInt(list.group(1)) > 0, answer.body());
    }
}
