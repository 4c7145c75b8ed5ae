package io.amira.it.outbound.probe;

import io.amira.api.AmiActions;
import io.amira.api.AmiConnection;
import io.amira.api.AmiConnectionFactory;
import io.amira.api.AmiException;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

/**
 * The pool bench's layers, one more each (PoolThroughputBench, {@code -Damira.bench.layers}): an EJB
 * call that does nothing, the same in a container-managed transaction, a borrow and return of a
 * pooled connection, and a Ping on it. The sample's {@code CallControlBean.ping} is all of them.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PoolLayersBean {

    @Resource(lookup = "java:/eis/amira")
    private AmiConnectionFactory amira;

    public boolean nothing() {
        return true;
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public boolean nothingInTransaction() {
        return true;
    }

    public boolean borrow() throws AmiException {
        try (AmiConnection connection = amira.getConnection()) {
            return connection != null;
        }
    }

    public boolean ping() throws AmiException {
        try (AmiConnection connection = amira.getConnection()) {
            return connection.send(AmiActions.ping()).isSuccess();
        }
    }
}
