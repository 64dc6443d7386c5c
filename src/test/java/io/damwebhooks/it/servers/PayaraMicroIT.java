package io.damwebhooks.it.servers;

/** The matrix's check on PayaraMicro. */
class PayaraMicroIT extends ServerMatrix {

    @Override
    AppServer server() {
        return new PayaraMicro();
    }
}
