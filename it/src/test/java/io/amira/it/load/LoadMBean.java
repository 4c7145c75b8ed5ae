package io.amira.it.load;

/** Test-only: what the load generator of the deployed incarnation did so far, {@code io.amira.it:type=Load}. */
public interface LoadMBean {

    long getActions();

    long getFailed();
}
