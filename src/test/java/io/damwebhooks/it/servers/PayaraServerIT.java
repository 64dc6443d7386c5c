package io.damwebhooks.it.servers;

/** The matrix's check on Payara Server 6 (the registry serves no Payara Server 7). */
class PayaraServerIT extends ServerMatrix {

    @Override
    AppServer server() {
        return new PayaraServer();
    }
}
