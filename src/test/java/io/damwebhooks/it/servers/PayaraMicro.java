package io.damwebhooks.it.servers;

import io.damwebhooks.it.support.ServiceProcess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Payara Micro, as the README's Quick start runs it ({@link ServiceProcess}); the PostgreSQL route uses
 * the very commands of {@code server-config/payara-server/postgresql.asadmin} as post-boot commands.
 */
final class PayaraMicro extends AppServer {

    private final List<String> options = new ArrayList<>();
    private ServiceProcess process;

    @Override String name() { return "Payara Micro"; }
    @Override int httpPort() { return process.base().getPort(); }
    @Override Path log() { return process == null ? work : process.log(); }

    @Override
    void start() {
        process = ServiceProcess.start(work, environment(), List.of(), options);
        awaitApi();
    }

    @Override
    void stop() {
        if (process != null) process.close();
        process = null;
    }

    @Override
    void usePostgresql(int port) {
        stop();
        Path driver = jarsFromWar(work.resolve("driver"), "postgresql-").get(0);
        Path commands = work.resolve("postgresql.asadmin");
        write(commands, withPort(SERVER_CONFIG.resolve("payara-server/postgresql.asadmin"), port));
        options.addAll(List.of("--addlibs", driver.toString(), "--postbootcommandfile", commands.toString()));
        start();
    }
}
