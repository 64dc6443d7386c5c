package io.damwebhooks.it.servers;

/** The matrix's check on Payara Micro 6, the Quick start's server. */
class PayaraMicroIT extends ServerMatrix {

    @Override
    AppServer server() {
        return new PayaraMicro(Generation.EE10);
    }

    /** EmbeddedDamIT and XaDamIT run the sample DAM on Payara Micro 6, with a SIGKILL and the XA route. */
    @Override
    boolean withSampleDam() {
        return false;
    }

    @Override
    boolean checksTheWarItself() {
        return true;
    }
}
