package io.damwebhooks.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DurableUrlTest {

    @Test
    void aPlainFileUrlGetsWriteDelayZero() throws SQLException {
        assertEquals("jdbc:h2:file:/data/webhooks;WRITE_DELAY=0", DurableUrl.of("jdbc:h2:file:/data/webhooks"));
        assertEquals("jdbc:h2:~/webhooks;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0", DurableUrl.of("jdbc:h2:~/webhooks;DB_CLOSE_ON_EXIT=FALSE"));
        assertEquals("jdbc:h2:nio:/data/w;WRITE_DELAY=0", DurableUrl.of("jdbc:h2:nio:/data/w"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:h2:file:/data/w;WRITE_DELAY=0", "jdbc:h2:file:/data/w;write_delay = 0;AUTO_SERVER=TRUE",
            "jdbc:h2:mem:test", "jdbc:h2:tcp://db/w", "jdbc:postgresql://db:5432/webhooks?user=x"})
    void durableOrNotAFileUrlsPassUnchanged(String url) throws SQLException {
        assertEquals(url, DurableUrl.of(url));
    }

    @Test
    void aPathRelativeToTheWorkingDirectoryIsMadeAbsolute() throws SQLException {
        String absolute = Path.of("data/webhooks").toAbsolutePath().toString();
        assertEquals("jdbc:h2:file:" + absolute + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0",
                DurableUrl.of("jdbc:h2:file:data/webhooks;DB_CLOSE_ON_EXIT=FALSE"));
        assertEquals("jdbc:h2:file:./data/w;WRITE_DELAY=0", DurableUrl.of("jdbc:h2:file:./data/w"), "explicitly relative: H2's own rule");
    }

    @Test
    void anotherWriteDelayIsRefusedSayingWhy() {
        SQLException refused = assertThrows(SQLException.class, () -> DurableUrl.of("jdbc:h2:file:/data/w;Write_Delay=500"));
        assertTrue(refused.getMessage().contains("WRITE_DELAY=500"), refused.getMessage());
        assertTrue(refused.getMessage().contains("202"), "says what would be lost: " + refused.getMessage());
    }

    @Test
    void whatTheDatabaseRunsWith() throws Exception {
        Path dir = Files.createTempDirectory("durable-url");
        String plain = "jdbc:h2:file:" + dir.resolve("w");
        assertEquals("500", writeDelay(plain), "H2's own default: the reason for this class");
        assertEquals("0", writeDelay(DurableUrl.of(plain)));
        assertTrue(DurableUrl.embeddedH2(plain));
        assertFalse(DurableUrl.embeddedH2("jdbc:h2:mem:x"));
    }

    private static String writeDelay(String url) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url);
             ResultSet rows = connection.createStatement().executeQuery(
                     "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'")) {
            rows.next();
            String value = rows.getString(1);
            connection.createStatement().execute("SHUTDOWN");
            return value;
        }
    }
}
