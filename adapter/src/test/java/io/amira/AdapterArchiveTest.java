package io.amira;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AdapterArchiveTest {

    @Test
    void wildFlyDeploymentsAreNamedAsDeployed() {
        assertEquals("amira.rar", AdapterArchive.name("vfs:/content/amira.rar/amira.jar"));
        assertEquals("amira.ear/adapter.rar", AdapterArchive.name("vfs:/content/amira.ear/adapter.rar/amira.jar"));
    }

    @Test
    void elsewhereTheLastTwoFoldersName() {
        assertEquals("amira/adapter_rar", AdapterArchive.name("file:/opt/payara6/glassfish/domains/domain1/applications/amira/adapter_rar/amira.jar"));
        assertEquals("target/classes", AdapterArchive.name("file:/work/amira/adapter/target/classes/"));
    }
}
