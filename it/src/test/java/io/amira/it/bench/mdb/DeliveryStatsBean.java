package io.amira.it.bench.mdb;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;

/** Test-only: the bench probe's access to {@link DeliveryStats} from the web module. */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class DeliveryStatsBean {

    public void reset(int seqPeriod) {
        DeliveryStats.reset(seqPeriod);
    }

    public String snapshot() {
        return DeliveryStats.snapshot();
    }
}
