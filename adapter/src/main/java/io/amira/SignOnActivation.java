package io.amira;

import io.amira.api.AmiException;
import io.amira.config.ServerProperties;
import io.amira.config.ServerProperty;
import io.amira.inbound.InboundActivation;
import io.amira.outbound.ContainerSignOn;
import jakarta.resource.ResourceException;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * An MDB activation that logs in as a connection definition of the adapter does (the resource
 * adapter's {@code ActivationCredentialsFrom}, the definition's JNDI name). The container makes no
 * Subject for an activation, so under container-managed sign-on (the secret in WildFly's credential
 * store) only the definition can learn the credentials ({@link ContainerSignOn}). That happens on a
 * WorkManager thread, again after a growing delay while the definition is not bound yet or no
 * request reaches it (at boot the MDB may be activated before the factory is bound); then the
 * activation starts as any other, the credentials standing for the adapter's Username and Secret, so
 * an activation spec that sets its own still wins.
 */
final class SignOnActivation implements Runnable {

    private static final Duration FIRST_DELAY = Duration.ofSeconds(1);
    private static final Duration LONGEST_DELAY = Duration.ofSeconds(30);

    /** Starts the activation with the fallback properties given. */
    interface Starter {
        InboundActivation start(ServerProperties adapterProperties) throws ResourceException;
    }

    private final String name;
    private final String factoryName;
    private final ServerProperties adapterProperties;
    private final Starter starter;
    private final Object lock = new Object();
    private boolean stopped;
    private InboundActivation activation;

    private SignOnActivation(String name, String factoryName, ServerProperties adapterProperties, Starter starter) {
        this.name = name;
        this.factoryName = factoryName;
        this.adapterProperties = adapterProperties;
        this.starter = starter;
    }

    /** Begins on {@code work} (a long-running WorkManager task) to sign on and start. */
    static SignOnActivation begin(String name, String factoryName, ServerProperties adapterProperties,
                                  Starter starter, Executor work) {
        SignOnActivation signOn = new SignOnActivation(name, factoryName, adapterProperties, starter);
        work.execute(signOn);
        return signOn;
    }

    String name() {
        return name;
    }

    @Override
    public void run() {
        Duration delay = FIRST_DELAY;
        boolean warned = false;
        while (true) {
            ServerProperties credentials;
            try {
                credentials = ContainerSignOn.credentials(lookup());
            } catch (NamingException | AmiException | RuntimeException e) {
                if (warned) {
                    AdapterLog.SIGN_ON_STILL_WAITING.log(name, factoryName, e);
                } else {
                    AdapterLog.SIGN_ON_WAITING.log(name, factoryName, e, LONGEST_DELAY.toSeconds());
                    warned = true;
                }
                if (!waitUnlessStopped(delay)) {
                    return;
                }
                delay = delay.multipliedBy(2).compareTo(LONGEST_DELAY) > 0 ? LONGEST_DELAY : delay.multipliedBy(2);
                continue;
            }
            start(credentials);
            return;
        }
    }

    private void start(ServerProperties credentials) {
        ServerProperties fallback = adapterProperties.copy();
        fallback.set(ServerProperty.USERNAME, credentials.get(ServerProperty.USERNAME));
        fallback.set(ServerProperty.SECRET, credentials.get(ServerProperty.SECRET));
        synchronized (lock) {
            if (stopped) {
                return;
            }
            try {
                activation = starter.start(fallback);
            } catch (ResourceException | RuntimeException e) {
                AdapterLog.SIGN_ON_ACTIVATION_FAILED.log(e, name, factoryName, e.getMessage());
                return;
            }
        }
        AdapterLog.SIGNED_ON.log(name, credentials.get(ServerProperty.USERNAME), factoryName);
    }

    private Object lookup() throws NamingException {
        InitialContext naming = new InitialContext();
        try {
            return naming.lookup(factoryName);
        } finally {
            naming.close();
        }
    }

    /** False when stopped before {@code delay} passed. */
    private boolean waitUnlessStopped(Duration delay) {
        long deadline = System.nanoTime() + delay.toNanos();
        synchronized (lock) {
            try {
                for (long left = delay.toNanos(); !stopped && left > 0; left = deadline - System.nanoTime()) {
                    lock.wait(Math.max(1, left / 1_000_000));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopped = true;
            }
            return !stopped;
        }
    }

    /** Stops trying, or stops the activation it started. */
    void stop() {
        synchronized (lock) {
            stopped = true;
            lock.notifyAll();
            if (activation != null) {
                activation.stop();
                activation = null;
            }
        }
    }
}
