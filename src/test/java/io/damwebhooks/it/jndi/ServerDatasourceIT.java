package io.damwebhooks.it.jndi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.damwebhooks.it.support.Api;
import io.damwebhooks.it.support.Deployments;
import io.damwebhooks.it.support.ServiceProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code webhooks.db.jndi-name}: the service keeps its tables in a datasource the server already has
 * (the DAM's own database), made here by the server's own asadmin commands, and not in its own file.
 * An H2 datasource must write commits before it answers ({@code WRITE_DELAY=0}): the service refuses
 * to start on one that does not ({@code DurabilityCheck}).
 */
class ServerDatasourceIT {

    @Test
    void theTablesLiveInTheServersDatasourceWhenOneIsNamed() throws Exception {
        Path home = Deployments.freshHome();
        Path database = home.resolve("dam-db");
        Path commands = home.resolve("post-boot.asadmin");
        Files.writeString(commands, """
                create-jdbc-connection-pool --datasourceclassname org.h2.jdbcx.JdbcDataSource --restype javax.sql.DataSource --property url=jdbc\\:h2\\:file\\:%s;WRITE_DELAY\\=0 damPool
                create-jdbc-resource --connectionpoolid damPool jdbc/dam
                """.formatted(database.toString().replace(":", "\\\\:")));
        try (ServiceProcess service = ServiceProcess.start(home, Map.of("WEBHOOKS_DB_JNDI_NAME", "jdbc/dam"), List.of(),
                List.of("--postbootcommandfile", commands.toString()))) {
            Api.Reply created = Api.admin(service.base()).post("webhooks", """
                    {"name": "in the DAM's database", "hostname": "pim.example.com", "path": "/h",
                     "triggers": [{"event": "asset.uploaded"}]}""");
            assertEquals(201, created.status(), created.toString());
            assertEquals(1, Api.admin(service.base()).get("webhooks").array().size());
        }
        assertTrue(Files.exists(home.resolve("dam-db.mv.db")), "the server's datasource holds the data");
        assertFalse(Files.exists(home.resolve("webhooks.mv.db")), "the WAR's own H2 file was never made");
    }
}
