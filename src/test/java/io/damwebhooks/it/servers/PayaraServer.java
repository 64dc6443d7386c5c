package io.damwebhooks.it.servers;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Payara Server 6, as docs/servers.md's Payara Server section runs it: a domain, the settings as system
 * properties ({@code asadmin create-system-properties}), {@code asadmin deploy} of the WAR under a name
 * of its own (the context root still /dam-webhooks). A domain of its own per run, on free ports.
 */
final class PayaraServer extends AppServer {

    private static final String DOMAIN = "dam";

    private final Path home = distribution("payara");
    private final Path domains = work.resolve("domains");
    private final int portBase = freePortBase();
    private boolean deployed;

    PayaraServer() {
        asadmin("create-domain", "--nopassword=true", "--portbase=" + portBase, "--domaindir=" + domains, DOMAIN);
    }

    @Override String name() { return "Payara Server"; }
    @Override int httpPort() { return portBase + 80; }
    @Override Path log() { return domains.resolve(DOMAIN + "/logs/server.log"); }

    @Override
    void start() {
        asadmin("start-domain", "--domaindir=" + domains, DOMAIN);
        admin("create-system-properties", settings.entrySet().stream()
                .map(setting -> setting.getKey() + "=" + setting.getValue().replace(":", "\\:"))
                .collect(Collectors.joining(":")));
        if (!deployed) {
            Path renamed = work.resolve("webhooks-1.0.war"); // a file name that is not the context root
            copy(WAR, renamed);
            admin("deploy", renamed.toString());
            deployed = true;
        }
        awaitApi();
    }

    @Override
    void stop() {
        asadmin("stop-domain", "--domaindir=" + domains, DOMAIN);
    }

    @Override
    void restart() {
        // system properties given before the restart are read by the deployment after it
        stop();
        start();
    }

    @Override
    void usePostgresql(int port) {
        Path driver = jarsFromWar(work.resolve("driver"), "postgresql-").get(0);
        admin("add-library", driver.toString());
        Path commands = work.resolve("postgresql.asadmin");
        write(commands, withPort(SERVER_CONFIG.resolve("payara-server/postgresql.asadmin"), port));
        admin("multimode", "--file", commands.toString());
        restart();
    }

    /**
     * Live, no restart: the driver is in the domain's lib since {@link #usePostgresql}; the service's
     * system property would override the DAM's own webhooks.db.jndi-name, so it goes with the service.
     */
    @Override
    void deployDam(int port) {
        admin("undeploy", "webhooks-1.0");
        admin("delete-system-property", "webhooks.db.jndi-name");
        Path commands = work.resolve("dam-postgresql.asadmin");
        write(commands, withPort(SERVER_CONFIG.resolve("payara-server/dam-postgresql.asadmin"), port));
        admin("multimode", "--file", commands.toString());
        admin("deploy", DAM_WAR.toString());
    }

    private void admin(String... command) {
        String[] withPort = new String[command.length + 2];
        withPort[0] = "--port";
        withPort[1] = String.valueOf(portBase + 48);
        System.arraycopy(command, 0, withPort, 2, command.length);
        asadmin(withPort);
    }

    private void asadmin(String... arguments) {
        String[] command = new String[arguments.length + 2];
        command[0] = "bash";
        command[1] = home.resolve("bin/asadmin").toString();
        System.arraycopy(arguments, 0, command, 2, arguments.length);
        run(work, Map.of(), command);
    }

    /** A port base (admin +48, HTTP +80, and the others Payara takes up to +99) whose ports are free. */
    private static int freePortBase() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base = 20000 + 100 * (int) (Math.random() * 300);
            boolean free = true;
            for (int offset = 0; offset < 100 && free; offset++) free = isFree(base + offset);
            if (free) return base;
        }
        throw new IllegalStateException("no free port base");
    }
}
