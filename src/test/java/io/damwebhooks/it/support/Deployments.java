package io.damwebhooks.it.support;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The deployments integration tests run: the WAR the build made, exactly as a user deploys it, with
 * its MicroProfile Config defaults overridden for the test — so nothing is hand-listed and a test
 * never runs a different application than users do. Each deployment gets a fresh data directory.
 */
public final class Deployments {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "admin-secret-pw";
    public static final String PUBLISHER = "dam";
    public static final String PUBLISHER_PASSWORD = "publisher-secret-pw";

    private static final String CONFIG = "WEB-INF/classes/META-INF/microprofile-config.properties";

    private Deployments() { }

    /** The WAR with the test users, a fresh H2 file, and {@code overrides} on top. */
    public static WebArchive war(Map<String, String> overrides) {
        File file = new File(System.getProperty("war.file", "target/dam-webhooks.war"));
        WebArchive war = ShrinkWrap.createFromZipFile(WebArchive.class, file);
        Properties config = new Properties();
        try (InputStream in = war.get(CONFIG).getAsset().openStream()) {
            config.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("webhooks.home", freshHome().toString());
        settings.put("webhooks.admin.user", ADMIN);
        settings.put("webhooks.admin.password", ADMIN_PASSWORD);
        settings.put("webhooks.publisher.user", PUBLISHER);
        settings.put("webhooks.publisher.password", PUBLISHER_PASSWORD);
        settings.putAll(overrides);
        settings.forEach(config::setProperty);
        StringBuilder text = new StringBuilder();
        config.forEach((key, value) -> text.append(key).append('=').append(escape(value.toString())).append('\n'));
        war.delete(CONFIG);
        war.add(new StringAsset(text.toString()), CONFIG);
        return war;
    }

    /** The WAR with the test users and a fresh H2 file. */
    public static WebArchive war() {
        return war(Map.of());
    }

    /** A new empty directory under the build's test-work folder. */
    public static Path freshHome() {
        try {
            Path work = Path.of(System.getProperty("test.work", "target/test-work"));
            Files.createDirectories(work);
            return Files.createTempDirectory(work, "home-").toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\");
    }
}
