package io.damwebhooks.it.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The two generations of the matrix. Both run the same WAR (Java 17 bytecode); what differs is the
 * distribution the build unpacked, the JDK the server runs on, and where a server's own files are:
 * {@code server-config/<server>/} for Jakarta EE 10, and for Jakarta EE 11 / MicroProfile 7 the files of
 * {@code server-config/<server>/ee11/} where a server needs other ones (the rest are shared).
 */
enum Generation {

    /** Payara Micro 6, Payara Server 6, WildFly 38, Open Liberty 25: on the JDK that runs the tests (17). */
    EE10,
    /** Payara Micro 7, WildFly 39, Open Liberty 26: on a JDK 21 or later (Payara 7 needs it). */
    EE11;

    /** Where the JDKs of a Debian machine live; Temurin's too (it is not a Debian package). */
    private static final Path JVMS = Path.of("/usr/lib/jvm");
    private static final Pattern VERSION = Pattern.compile("JAVA_VERSION=\"(\\d+)");

    /** The folder under target/servers that the build unpacked this generation's distribution of {@code server} into. */
    String distributionFolder(String server) {
        return this == EE10 ? server : server + "-ee11";
    }

    /**
     * A file of {@code server-config/<server>/}: this generation's own under {@code ee11/} where it has one,
     * else the one both generations share.
     */
    Path config(String server, String file) {
        Path shared = AppServer.SERVER_CONFIG.resolve(server).resolve(file);
        if (this == EE10) return shared;
        Path own = AppServer.SERVER_CONFIG.resolve(server).resolve("ee11").resolve(file);
        return Files.exists(own) ? own : shared;
    }

    /** The JDK this generation's servers run on; empty when the machine has none that fits. */
    Optional<Path> javaHome() {
        Path running = Path.of(System.getProperty("java.home"));
        if (this == EE10) return Optional.of(running);
        // -Dservers.ee11.java.home=… (or SERVERS_EE11_JAVA_HOME) names one; else the newest 21+ of the machine
        String named = System.getProperty("servers.ee11.java.home", System.getenv("SERVERS_EE11_JAVA_HOME"));
        if (named != null && !named.isBlank()) return Optional.of(Path.of(named));
        if (Runtime.version().feature() >= 21) return Optional.of(running);
        return newestJdk(21);
    }

    /** The JDK this generation's servers run on; the test is skipped, saying why, when there is none. */
    Path requireJavaHome() {
        Optional<Path> home = javaHome();
        org.junit.jupiter.api.Assumptions.assumeTrue(home.isPresent(), () -> {
            String why = "No JDK 21 or later under " + JVMS + " (nor -Dservers.ee11.java.home): the Jakarta EE 11 "
                    + "servers (Payara Micro 7, WildFly 39, Open Liberty 26) need one, so their tier is skipped. "
                    + "Debian 12 packages stop at Java 17; install a JDK 21+ there to run it.";
            System.out.println(why);
            return why;
        });
        return home.get();
    }

    /** The JDK of at least {@code feature} with the highest version under /usr/lib/jvm. */
    static Optional<Path> newestJdk(int feature) {
        if (!Files.isDirectory(JVMS)) return Optional.empty();
        try (Stream<Path> homes = Files.list(JVMS)) {
            return homes.filter(home -> Files.isExecutable(home.resolve("bin/java")))
                    .filter(home -> feature(home) >= feature)
                    .max(Comparator.comparingInt(Generation::feature));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Java feature version of a JDK, from its {@code release} file; 0 when it has none. */
    private static int feature(Path home) {
        try {
            Matcher version = VERSION.matcher(Files.readString(home.resolve("release")));
            return version.find() ? Integer.parseInt(version.group(1)) : 0;
        } catch (IOException | UncheckedIOException noReleaseFile) {
            return 0;
        }
    }
}
