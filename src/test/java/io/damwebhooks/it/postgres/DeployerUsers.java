package io.damwebhooks.it.postgres;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.identitystore.DatabaseIdentityStoreDefinition;

/**
 * What a deployer who keeps users in a database adds to the WAR, as docs/security.md describes: a jar in
 * {@code WEB-INF/lib} with this one class. The store reads the users through the service's own
 * datasource here; a deployer names whichever datasource holds the users.
 */
@ApplicationScoped
@DatabaseIdentityStoreDefinition(
        dataSourceLookup = "java:app/jdbc/dam-webhooks",
        callerQuery = "SELECT password_hash FROM deployer_user WHERE name = ?",
        groupsQuery = "SELECT group_name FROM deployer_group WHERE user_name = ?")
public class DeployerUsers {
}
