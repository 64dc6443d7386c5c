package io.damwebhooks.it.servers;

/** The matrix's check on Open Liberty 26 on a JDK 21+, with the feature list of server-config/liberty/ee11/. */
class OpenLibertyEe11IT extends ServerMatrix {

    @Override
    AppServer server() {
        return new OpenLiberty(Generation.EE11);
    }
}
