package io.damwebhooks.it.servers;

/** The matrix's check on WildFly. */
class WildFlyIT extends ServerMatrix {

    @Override
    AppServer server() {
        return new WildFly();
    }
}
