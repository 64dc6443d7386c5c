package io.damwebhooks.it.servers;

/** The matrix's check on OpenLiberty. */
class OpenLibertyIT extends ServerMatrix {

    @Override
    AppServer server() {
        return new OpenLiberty();
    }
}
