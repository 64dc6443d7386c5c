package io.damwebhooks.it.servers;

/** The matrix's check on Open Liberty 25 (Jakarta EE 10 features). */
class OpenLibertyIT extends ServerMatrix {

    @Override
    AppServer server() {
        return new OpenLiberty(Generation.EE10);
    }
}
