package io.amira.sample;

import io.amira.api.AmiConnection;
import io.amira.api.AmiConnectionFactory;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.resource.ResourceException;

/** Sends AMI actions through the adapter's pooled connections. */
@Stateless
public class CallControlBean {

    @Resource(lookup = "java:/eis/amira")
    private AmiConnectionFactory connectionFactory;

    /** Borrows a connection from the pool and gives it back; true when the pool handed one out. */
    public boolean connectionAvailable() throws ResourceException {
        try (AmiConnection connection = connectionFactory.getConnection()) {
            return connection != null;
        }
    }
}
