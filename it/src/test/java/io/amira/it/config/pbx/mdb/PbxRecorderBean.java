package io.amira.it.config.pbx.mdb;

import io.amira.api.AmiEvent;
import io.amira.api.AmiEventListener;
import jakarta.annotation.Resource;

/**
 * Test-only: one MDB class serving several PBXs. It carries no {@code @MessageDriven}: the module's
 * ejb-jar.xml declares it once per PBX (ejb-names Pbx1Events, Pbx2Events), each activation with its
 * own {@code configPrefix} and its own {@code activation} env-entry under which it records.
 */
public class PbxRecorderBean implements AmiEventListener {

    @Resource(name = "activation")
    private String activation;

    @Override
    public void onEvent(AmiEvent event) {
        PbxEvents.record(activation, event);
    }
}
