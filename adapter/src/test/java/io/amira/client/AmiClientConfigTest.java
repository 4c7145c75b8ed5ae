package io.amira.client;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AmiClientConfigTest {

    @Test
    void defaultsAreSafe() {
        AmiClientConfig config = AmiClientConfig.builder().username("admin").secret("amp111").build();
        assertEquals("127.0.0.1", config.host());
        assertEquals(5038, config.port());
        assertFalse(config.tls());
        assertTrue(config.verifyHostname(), "hostname verification is on by default");
        assertEquals(AmiClientConfig.AuthType.MD5, config.authType(), "the secret never crosses the network by default");
        assertEquals("off", config.events());
        assertEquals("127.0.0.1:5038", config.server());
        assertEquals(64L * 1024 * 1024, config.maxAnswerBytes());
    }

    @Test
    void toStringNeverShowsSecrets() {
        AmiClientConfig config = AmiClientConfig.builder().username("admin").secret("s3cr3t-value")
                .tls(true).trustStore(java.nio.file.Path.of("/tmp/trust.p12")).trustStorePassword("store-pass-xyz").build();
        String text = config.toString();
        assertFalse(text.contains("s3cr3t-value"), text);
        assertFalse(text.contains("store-pass-xyz"), text);
        assertTrue(text.contains("admin"), text);
    }

    @Test
    void buildReportsEveryProblemAtOnce() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AmiClientConfig.builder()
                .host("").port(70000).events("").connectTimeout(Duration.ZERO).maxAnswerBytes(4095).build());
        String message = e.getMessage();
        assertTrue(message.contains("host"), message);
        assertTrue(message.contains("port 70000"), message);
        assertTrue(message.contains("username"), message);
        assertTrue(message.contains("secret"), message);
        assertTrue(message.contains("events"), message);
        assertTrue(message.contains("connectTimeout"), message);
        assertTrue(message.contains("maxAnswerBytes 4095 is below the minimum of 4096"), message);
    }

    @Test
    void toBuilderCopiesEverything() {
        AmiClientConfig config = AmiClientConfig.builder().host("pbx").port(5039).username("u").secret("s")
                .authType(AmiClientConfig.AuthType.MD5).events("call,user").keepAliveInterval(Duration.ZERO)
                .maxAnswerBytes(5_000_000_000L).build();
        assertEquals(config.toString(), config.toBuilder().build().toString());
        assertEquals("s", config.toBuilder().build().secret());
        assertEquals(5_000_000_000L, config.toBuilder().build().maxAnswerBytes());
    }

    @Test
    void md5KeyMatchesTheRecordedChallengeLogin() {
        // 03-challenge-md5-login: Challenge 190021329, secret amp111
        assertEquals("8f355fbfedfd83832ced7ffce45f7210", Md5.key("190021329", "amp111"));
    }
}
