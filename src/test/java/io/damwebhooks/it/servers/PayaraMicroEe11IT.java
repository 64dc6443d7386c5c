package io.damwebhooks.it.servers;

/** The matrix's check on Payara Micro 7 on a JDK 21+. */
class PayaraMicroEe11IT extends ServerMatrix {

    @Override
    AppServer server() {
        return new PayaraMicro(Generation.EE11);
    }

    /**
     * The current generation runs the sample DAM once, on Open Liberty 26, whose DAM set-up is its own;
     * Payara Micro 7 takes the same post-boot commands as Payara Server 6 and Payara Micro 6 (EmbeddedDamIT).
     */
    @Override
    boolean withSampleDam() {
        return false;
    }

    @Override
    boolean checksTheWarItself() {
        return true;
    }
}
