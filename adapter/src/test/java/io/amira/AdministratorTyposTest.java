package io.amira;

import io.amira.inbound.AmiActivationSpec;
import io.amira.outbound.AmiManagedConnectionFactory;
import jakarta.resource.spi.ResourceAdapterInternalException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What an administrator's typo does: the names one is likely to type for a property of another name
 * reach the adapter (an unknown name would fail in IronJacamar, IJ020060, printing the value), which
 * then fails its own activation (the adapter's start, a connection definition's association) with a
 * message that says what was meant, lists the valid names and never shows the value given.
 */
class AdministratorTyposTest {

    private static final String VALID = "ActionTimeoutMillis, ActivationCredentialsFrom, AuthRetryDelayMillis,"
            + " AuthRetryMaxDelayMillis, AuthType, ConfigPrefix, ConnectTimeoutMillis, Host, KeepAliveIntervalMillis, KeepAliveTimeoutMillis,"
            + " MaxAnswerBytes, Port, Secret, Tls, TrustStore, TrustStorePassword, TrustStoreType, Username, VerifyHostname";

    @Test
    void aMistakenNameFailsTheAdaptersStartNamingTheValidOnes() {
        AmiraResourceAdapter adapter = new AmiraResourceAdapter();
        adapter.setHost("pbx.example.com");
        adapter.setActionTimeout("5000");
        adapter.setPassword("s3cret-value");

        ResourceAdapterInternalException e = assertThrows(ResourceAdapterInternalException.class, () -> adapter.start(null));

        assertTrue(e.getMessage().contains("unknown property ActionTimeout (did you mean ActionTimeoutMillis?)"), e.getMessage());
        assertTrue(e.getMessage().contains("unknown property Password (did you mean Secret?)"), e.getMessage());
        assertTrue(e.getMessage().endsWith("Its properties are: " + VALID), e.getMessage());
        assertFalse(e.getMessage().contains("s3cret-value"), e.getMessage());
    }

    @Test
    void anInvalidValueSetOnTheAdapterFailsItsStart() {
        AmiraResourceAdapter adapter = new AmiraResourceAdapter();
        adapter.setAuthType("md4");
        adapter.setPort(70000);

        ResourceAdapterInternalException e = assertThrows(ResourceAdapterInternalException.class, () -> adapter.start(null));

        assertTrue(e.getMessage().contains("'md4' is not md5 or plain"), e.getMessage());
        assertTrue(e.getMessage().contains("70000 is not in 1..65535"), e.getMessage());
    }

    @Test
    void missingUserOrSecretIsNoProblemOfTheAdapter() {
        AmiraResourceAdapter adapter = new AmiraResourceAdapter();
        adapter.setHost("pbx.example.com");

        assertEquals(java.util.List.of(), adapter.configurationProblems());
        assertDoesNotThrow(() -> adapter.start(null));
    }

    @Test
    void aMistakenNameOnAConnectionDefinitionFailsItsAssociation() {
        AmiManagedConnectionFactory definition = new AmiManagedConnectionFactory();
        definition.setKeepAliveInterval("20000");

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> definition.setResourceAdapter(new AmiraResourceAdapter()));

        assertTrue(e.getMessage().startsWith("The Amira connection definition is misconfigured: unknown property"
                + " KeepAliveInterval (did you mean KeepAliveIntervalMillis?)"), e.getMessage());
        assertTrue(e.getMessage().contains("Its properties are: ActionTimeoutMillis, AuthRetryDelayMillis,"), e.getMessage());
        assertFalse(e.getMessage().contains("ActivationCredentialsFrom"), "the adapter's own property: " + e.getMessage());
    }

    @Test
    void theActivationSpecListsItsOwnProperties() {
        AmiActivationSpec spec = new AmiActivationSpec();
        assertTrue(spec.propertyNames().containsAll(java.util.List.of("EventNames", "Host", "Ordering")), spec.propertyNames().toString());
    }
}
