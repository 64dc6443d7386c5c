package io.damwebhooks.webhook.boundary;

import io.damwebhooks.webhook.entity.Auth;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** How deliveries authenticate: {@code none}, {@code basic}, {@code oauth2} or {@code bearer}. */
@JsonbPropertyOrder({"type", "tokenEndpoint", "username", "password", "grantType", "scope", "token"})
public class AuthJson {

    public String type;
    public String tokenEndpoint;
    public String username;
    public String password;
    public String grantType;
    public String scope;
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
