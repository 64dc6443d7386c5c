package io.damwebhooks.it.servers;

/** The matrix's check on PayaraServer. */
class PayaraServerIT extends ServerMatrix {

    @Override
    AppServer server() {
        return new PayaraServer();
    }
}
