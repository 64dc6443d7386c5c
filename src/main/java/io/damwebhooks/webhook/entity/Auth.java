package io.damwebhooks.webhook.entity;

import io.damwebhooks.security.control.EncryptedString;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * A webhook's credentials at the receiver. {@code password} and {@code token} are encrypted at rest
 * and never leave the service except in the delivery they authenticate. For OAuth2 with
 * {@code client_credentials}, username and password are the client's id and secret.
 */
@Embeddable
public class Auth {

    public static final String CLIENT_CREDENTIALS = "client_credentials";
    public static final String PASSWORD_GRANT = "password";

    @Enumerated(EnumType.STRING)
    @Column(name = "auth_type")
    public AuthType type = AuthType.NONE;

    @Column(name = "auth_token_endpoint")
    public String tokenEndpoint;

    @Column(name = "auth_username")
    public String username;

    @Convert(converter = EncryptedString.class)
    @Column(name = "auth_password")
    public String password;

    @Convert(converter = EncryptedString.class)
    @Column(name = "auth_token")
    public String token;

    @Column(name = "auth_grant_type")
    public String grantType;

    @Column(name = "auth_scope")
    public String scope;
}
