package com.example.dam.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.identitystore.DatabaseIdentityStoreDefinition;

/**
 * The DAM's own users, in the DAM's own database. DAM Webhooks' HTTP Basic mechanism asks every identity
 * store of the application, so these users log in to the DAM's API ({@code dam-editor}) and, when in
 * the group {@code webhook-admin}, to the webhook API and console too. Passwords are hashed as Jakarta
 * Security's default {@code Pbkdf2PasswordHash} writes them.
 */
@ApplicationScoped
@DatabaseIdentityStoreDefinition(
        dataSourceLookup = "jdbc/dam",
        callerQuery = "SELECT password_hash FROM dam_user WHERE name = ?",
        groupsQuery = "SELECT group_name FROM dam_user_group WHERE user_name = ?")
public class DamUsers {
}
