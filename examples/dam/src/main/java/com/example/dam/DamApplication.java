package com.example.dam;

import com.example.dam.asset.boundary.AssetsResource;
import com.example.dam.asset.boundary.Failures;
import com.example.dam.security.RolesCheck;
import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * The DAM's own REST API under {@code /dam/rest}. Its classes are listed: a WAR with two JAX-RS
 * applications (this one and DAM Webhooks' at {@code /dam/api}) in which one scans would serve every
 * resource of the WAR, the other's included. DAM Webhooks lists its own too. {@link RolesCheck} enforces
 * the resources' {@code @RolesAllowed} on every server (WildFly's RESTEasy would not on its own).
 */
@ApplicationPath("rest")
@DeclareRoles(DamApplication.EDITOR)
public class DamApplication extends Application {

    /** The DAM's own role: may change assets. */
    public static final String EDITOR = "dam-editor";

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(AssetsResource.class, Failures.UnknownAssetMapper.class, Failures.ConflictMapper.class,
                Failures.NotRecordedMapper.class, RolesCheck.class);
    }
}
