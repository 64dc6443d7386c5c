package io.damwebhooks.it.servers;

/** The matrix's check on Payara Micro 7 on a JDK 21+. */
class PayaraMicroEe11IT extends ServerMatrix {

    @Override
    AppServer server() {
        return new PayaraMicro(Generation.EE11);
    }

    @Override
    boolean checksTheWarItself() {
        return true;
    }
}
