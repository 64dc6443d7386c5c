package io.damwebhooks.it.servers.neighbour;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import java.nio.file.Path;

/**
 * Two small applications of someone else's, deployed on WildFly beside the service, neither naming a
 * security domain: so both run in WildFly's shared {@code other} domain, whose users and roles are the
 * {@code ApplicationRealm}'s ({@code application-users.properties}, {@code application-roles.properties}).
 * Our set-up must leave them working as on a fresh server.
 */
public final class Neighbours {

    public static final String ROLE = "neighbour";
    public static final String USER = "neighbour";
    public static final String PASSWORD = "neighbour-pw-1!";
    /** HTTP BASIC by the servlet container against the realm (web.xml's login-config). */
    public static final String BASIC = "neighbour-basic";
    /** Its own Jakarta Security mechanism, the roles from the realm ({@link TrustedHeader}). */
    public static final String TRUSTED_HEADER = "neighbour-header";
    public static final String HEADER = TrustedHeader.HEADER;

    private Neighbours() { }

    /** Writes both WARs into {@code deployments}. */
    public static void exportInto(Path deployments) {
        WebArchive basic = ShrinkWrap.create(WebArchive.class, BASIC + ".war")
                .addClasses(Hello.class, Neighbours.class)
                .setWebXML(new StringAsset(webXml("""
                        <login-config><auth-method>BASIC</auth-method><realm-name>ApplicationRealm</realm-name></login-config>""")));
        WebArchive header = ShrinkWrap.create(WebArchive.class, TRUSTED_HEADER + ".war")
                .addClasses(Hello.class, Neighbours.class, TrustedHeader.class)
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml")
                .setWebXML(new StringAsset(webXml("")));
        basic.as(ZipExporter.class).exportTo(deployments.resolve(BASIC + ".war").toFile(), true);
        header.as(ZipExporter.class).exportTo(deployments.resolve(TRUSTED_HEADER + ".war").toFile(), true);
    }

    /** Everything behind the role {@link #ROLE}. */
    private static String webXml(String loginConfig) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                    <security-constraint>
                        <web-resource-collection><web-resource-name>all</web-resource-name><url-pattern>/*</url-pattern></web-resource-collection>
                        <auth-constraint><role-name>%s</role-name></auth-constraint>
                    </security-constraint>
                    %s
                    <security-role><role-name>%s</role-name></security-role>
                </web-app>
                """.formatted(ROLE, loginConfig, ROLE);
    }
}
