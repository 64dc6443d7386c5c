package io.damwebhooks.delivery.send;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The service's version, from the build, for {@code User-Agent: dam-webhooks/<version>}. */
final class Version {

    private static final String VERSION = read();

    private Version() { }

    static String userAgent() {
        return "dam-webhooks/" + VERSION;
    }

    private static String read() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            Properties properties = new Properties();
            if (in != null) properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
