package io.amira.health;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;

/**
 * An Amira connection factory used through the adapter's public API ({@code io.amira.api}) as the
 * factory object's own class loader sees it, by reflection: this library then needs no adapter
 * class, so it loads where the adapter's classes are not visible (Payara: an EAR library does not
 * see an embedded RAR). Methods come from the public types, never from the implementation class;
 * an exception the adapter throws is rethrown as it is.
 */
final class ReflectiveFactory {

    static final String FACTORY_TYPE = "io.amira.api.AmiConnectionFactory";

    private final Object factory;
    private final Method server;
    private final Method getConnection;
    private final Method send;
    private final Method isSuccess;
    private final Method close;
    private final Object ping;

    private ReflectiveFactory(Object factory, ClassLoader api) throws ReflectiveOperationException {
        this.factory = factory;
        Class<?> factoryType = type(api, FACTORY_TYPE);
        Class<?> connection = type(api, "io.amira.api.AmiConnection");
        Class<?> action = type(api, "io.amira.api.AmiAction");
        server = factoryType.getMethod("server");
        getConnection = factoryType.getMethod("getConnection");
        send = connection.getMethod("send", action, Duration.class);
        close = connection.getMethod("close");
        isSuccess = type(api, "io.amira.api.AmiResponse").getMethod("isSuccess");
        ping = type(api, "io.amira.api.AmiActions").getMethod("ping").invoke(null);
    }

    /**
     * The factory found in JNDI; fails with {@link ClassCastException} when it is no Amira connection
     * factory, with {@link ReflectiveOperationException} when the API is not what this class expects.
     */
    static ReflectiveFactory of(Object factory) throws ReflectiveOperationException {
        ClassLoader loader = factory.getClass().getClassLoader();
        Class<?> factoryType;
        try {
            factoryType = type(loader, FACTORY_TYPE);
        } catch (ClassNotFoundException e) {
            factoryType = null;
        }
        if (factoryType == null || !factoryType.isInstance(factory)) {
            throw new ClassCastException(factory.getClass().getName() + " is not an " + FACTORY_TYPE);
        }
        return new ReflectiveFactory(factory, loader);
    }

    /** {@code AmiConnectionFactory#server()}: {@code host:port}. */
    String server() throws Exception {
        return (String) invoke(server, factory);
    }

    /** {@code AmiConnectionFactory#getConnection()}: a pooled connection, to be {@link #close}d. */
    Object getConnection() throws Exception {
        return invoke(getConnection, factory);
    }

    /** Whether {@code connection} answers a Ping with Success within {@code timeout}. */
    boolean ping(Object connection, Duration timeout) throws Exception {
        return (Boolean) invoke(isSuccess, invoke(send, connection, ping, timeout));
    }

    /** {@code AmiConnection#close()}: back to the pool. */
    void close(Object connection) throws Exception {
        invoke(close, connection);
    }

    private static Class<?> type(ClassLoader loader, String name) throws ClassNotFoundException {
        return Class.forName(name, false, loader);
    }

    private static Object invoke(Method method, Object target, Object... args) throws Exception {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Exception thrown) {
                throw thrown;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
