package io.damwebhooks.webhook.boundary;

import io.damwebhooks.webhook.entity.Auth;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How deliveries authenticate: {@code none}, {@code basic}, {@code oauth2} or {@code bearer}. */
@Schema(name = "Auth")
@JsonbPropertyOrder({"type", "tokenEndpoint", "username", "password", "grantType", "scope", "token"})
public class AuthJson {

    @Schema(enumeration = {"none", "basic", "oauth2", "bearer"})
    public String type;
    @Schema(description = "oauth2: the https token endpoint")
    public String tokenEndpoint;
    @Schema(description = "basic: the user; oauth2: the user, or the client id for client_credentials")
    public String username;
    @Schema(writeOnly = true, description = "basic and oauth2; never returned")
    public String password;
    @Schema(enumeration = {"client_credentials", "password"}, description = "oauth2 only; default client_credentials")
    public String grantType;
    @Schema(description = "oauth2 only; optional")
    public String scope;
    @Schema(writeOnly = true, description = "bearer: the static token; never returned")
    public String token;

    static AuthJson of(Auth auth) {
        AuthJson json = new AuthJson();
        json.type = auth.type.wireName();
        json.tokenEndpoint = auth.tokenEndpoint;
        json.username = auth.username;
        json.grantType = auth.grantType;
        json.scope = auth.scope;
        return json;
    }
}
