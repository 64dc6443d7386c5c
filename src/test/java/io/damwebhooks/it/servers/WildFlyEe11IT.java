package io.damwebhooks.it.servers;

/** The matrix's check on WildFly 39 on a JDK 21+, its neighbours included (the same set-up as WildFly 38). */
class WildFlyEe11IT extends WildFlyIT {

    @Override
    AppServer server() {
        return new WildFly(Generation.EE11);
    }
}
