package io.damwebhooks.platform.control;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Makes an embedded H2 URL commit to disk before the commit returns, so that a 202 means the event is
 * on disk whatever URL the operator wrote. H2 otherwise keeps up to 500 ms of commits in memory
 * ({@code WRITE_DELAY}), and a process killed in that window loses events it had already accepted.
 * A URL without {@code WRITE_DELAY} gets {@code WRITE_DELAY=0}; one that asks for another value is
 * refused rather than silently weakened. Other URLs (PostgreSQL, H2 in memory or over TCP) pass
 * unchanged; {@link DurabilityCheck} looks at what the database really runs with.
 */
public final class DurableUrl {

    static final String SETTING = "WRITE_DELAY";

    private DurableUrl() { }

    /** {@code url} as the service connects with it. */
    public static String of(String url) throws SQLException {
        if (!embeddedH2(url)) return url;
        url = absolute(url);
        for (String part : url.split(";")) {
            int equals = part.indexOf('=');
            if (equals < 0 || !part.substring(0, equals).trim().equalsIgnoreCase(SETTING)) continue;
            String value = part.substring(equals + 1).trim();
            if (value.equals("0")) return url;
            throw new SQLException("webhooks.db.url sets " + SETTING + "=" + value + ": H2 would then keep commits in memory"
                    + " for that long, and a crash would lose events already answered 202. Remove the setting or write "
                    + SETTING + "=0.");
        }
        return url + ";" + SETTING + "=0";
    }

    /**
     * A file path relative to the working directory made absolute ({@code webhooks.home=data} gives
     * {@code jdbc:h2:file:data/webhooks}): H2 refuses such a path, while the generated key and admin
     * password files under the same {@code webhooks.home} are simply made there.
     */
    static String absolute(String url) {
        String prefix = "jdbc:h2:file:";
        if (!url.regionMatches(true, 0, prefix, 0, prefix.length())) return url;
        String rest = url.substring(prefix.length());
        int settings = rest.indexOf(';');
        String path = settings < 0 ? rest : rest.substring(0, settings);
        if (path.isEmpty() || path.startsWith("~") || path.startsWith(".") || Path.of(path).isAbsolute()) return url;
        return prefix + Path.of(path).toAbsolutePath() + (settings < 0 ? "" : rest.substring(settings));
    }

    /** H2 that writes files in this process: {@code jdbc:h2:file:…}, {@code jdbc:h2:~/…}, {@code jdbc:h2:nio:…} and the like. */
    public static boolean embeddedH2(String url) {
        if (url == null) return false;
        String lower = url.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("jdbc:h2:")) return false;
        String rest = lower.substring("jdbc:h2:".length());
        return !(rest.startsWith("mem:") || rest.startsWith("tcp:") || rest.startsWith("ssl:") || rest.startsWith("zip:"));
    }
}
