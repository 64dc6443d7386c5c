package io.damwebhooks.it.servers;

/** The matrix's check on PayaraMicro. */
class PayaraMicroIT extends ServerMatrix {

    @Override
    AppServer server() {
        return new PayaraMicro();
    }

    /** EmbeddedDamIT and XaDamIT run the sample DAM on Payara Micro, with a SIGKILL and the XA route. */
    @Override
    boolean withSampleDam() {
        return false;
    }
}
