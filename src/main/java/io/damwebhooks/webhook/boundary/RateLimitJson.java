package io.damwebhooks.webhook.boundary;


/** {@code {"perSecond": N}}: at most N attempts per second to the webhook, across all instances. */
public class RateLimitJson {

    public static final int MAX = 10_000;

    public Long perSecond;

    static RateLimitJson of(Integer perSecond) {
        if (perSecond == null) return null;
        RateLimitJson json = new RateLimitJson();
        json.perSecond = perSecond.longValue();
        return json;
    }
}
