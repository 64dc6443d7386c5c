package io.damwebhooks.it.servers;

/** The matrix's check on WildFly 39 on a JDK 21+, its neighbours included (the same set-up as WildFly 38). */
class WildFlyEe11IT extends WildFlyIT {

    @Override
    AppServer server() {
        return new WildFly(Generation.EE11);
    }

    /** The current generation runs the sample DAM once, on Open Liberty 26; WildFly 39 takes WildFly 38's DAM files. */
    @Override
    boolean withSampleDam() {
        return false;
    }
}
