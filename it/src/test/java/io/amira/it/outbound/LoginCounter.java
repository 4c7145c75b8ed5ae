package io.amira.it.outbound;

import io.amira.api.AmiEvent;
import io.amira.api.AmiException;
import io.amira.client.AmiClient;
import io.amira.client.AmiClientConfig;
import io.amira.it.AmiTarget;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The AMI server's own count of logins per user while it is open: an AMI session of the test
 * taking {@code security} events counts the {@code SuccessfulAuth} events of AMI logins.
 */
final class LoginCounter implements AutoCloseable {

    private final Map<String, AtomicInteger> byUser = new ConcurrentHashMap<>();
    private final AmiClient observer;

    LoginCounter() throws AmiException {
        AmiClientConfig config = AmiClientConfig.builder().host(AmiTarget.host()).port(AmiTarget.port())
                .username(AmiTarget.username()).secret(AmiTarget.secret()).events("security").build();
        observer = AmiClient.connect(config, this::count);
    }

    private void count(AmiEvent event) {
        if ("SuccessfulAuth".equalsIgnoreCase(event.name()) && "AMI".equalsIgnoreCase(event.get("Service"))) {
            byUser.computeIfAbsent(event.get("AccountID"), user -> new AtomicInteger()).incrementAndGet();
        }
    }

    int logins(String username) {
        AtomicInteger count = byUser.get(username);
        return count == null ? 0 : count.get();
    }

    @Override
    public void close() {
        observer.close();
    }
}
