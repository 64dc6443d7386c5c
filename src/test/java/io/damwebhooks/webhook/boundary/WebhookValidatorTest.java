package io.damwebhooks.webhook.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.damwebhooks.platform.boundary.StrictJson;
import io.damwebhooks.platform.control.FieldError;
import io.damwebhooks.platform.control.InvalidInput;
import io.damwebhooks.webhook.control.TargetRules;
import io.damwebhooks.webhook.entity.PayloadField;
import io.damwebhooks.webhook.entity.Webhook;
import jakarta.json.bind.Jsonb;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every 400 rule of a webhook document, read from JSON exactly as the API reads it. */
class WebhookValidatorTest {

    private static final Jsonb JSON = new StrictJson().getContext(WebhookJson.class);
    private static final String TARGET = "\"hostname\": \"pim.example.com\", \"path\": \"/hooks/dam\"";
    private static final String TRIGGERS = "\"triggers\": [{\"event\": \"asset.uploaded\"}]";

    @Test
    void aMinimalDocumentIsAcceptedWithDefaults() {
        Webhook webhook = valid("{\"name\": \"PIM sync\", " + TARGET + ", " + TRIGGERS + "}");
        assertEquals("https://pim.example.com/hooks/dam", webhook.url());
        assertTrue(webhook.active);
        assertEquals(PayloadField.DEFAULT_SELECTION, webhook.fields);
    }

    @Test
    void nameAndTriggersAreRequired() {
        assertEquals(List.of("name", "triggers"), fields("{" + TARGET + "}"));
        assertEquals(List.of("triggers"), fields("{\"name\": \"n\", " + TARGET + ", \"triggers\": []}"));
    }

    @Test
    void orderingIsNoneOrPerAssetAndKeptWhenAbsent() {
        assertEquals(Webhook.ORDERING_NONE, valid(doc("\"active\": true")).ordering);
        assertEquals(Webhook.ORDERING_PER_ASSET, valid(doc("\"ordering\": \"per-asset\"")).ordering);
        assertEquals(List.of("ordering"), fields(doc("\"ordering\": \"by-asset\"")));
    }

    @Test
    void aRateLimitIsAWholeNumberFromOneToTenThousandPerSecond() {
        assertEquals(null, valid(doc("\"active\": true")).ratePerSecond);
        assertEquals(null, valid(doc("\"rateLimit\": null")).ratePerSecond);
        assertEquals(20, valid(doc("\"rateLimit\": {\"perSecond\": 20}")).ratePerSecond);
        assertEquals(10_000, valid(doc("\"rateLimit\": {\"perSecond\": 10000}")).ratePerSecond);
        for (String bad : List.of("0", "10001", "-1", "null")) {
            assertEquals(List.of("rateLimit.perSecond"), fields(doc("\"rateLimit\": {\"perSecond\": " + bad + "}")), bad);
        }
        assertEquals(List.of("rateLimit.perSecond"), fields(doc("\"rateLimit\": {}")));
    }

    @Test
    void atMostTenHeaders() {
        String eleven = String.join(",", java.util.Collections.nCopies(11, "{\"name\": \"X-A\", \"value\": \"v\"}"));
        assertEquals(List.of("headers"), fields(doc("\"headers\": [" + eleven + "]")));
        StringBuilder ten = new StringBuilder();
        for (int i = 0; i < 10; i++) ten.append(i == 0 ? "" : ",").append("{\"name\": \"X-H").append(i).append("\", \"value\": \"v\"}");
        assertEquals(10, valid(doc("\"headers\": [" + ten + "]")).headers.size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"X Tenant", "X-Tenant:", "Tenant(1)", "", "X-Ténant", "X/Y"})
    void headerNamesMustBeTokens(String name) {
        assertEquals(List.of("headers[0].name"), fields(doc("\"headers\": [{\"name\": \"" + name + "\", \"value\": \"v\"}]")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Host", "content-length", "Content-Type", "AUTHORIZATION", "webhook-id", "Webhook-Signature",
            "webhook-timestamp", "webhook-anything", "Transfer-Encoding", "Connection", "Proxy-Authorization", "User-Agent"})
    void headersTheServiceSetsItselfAreRefused(String name) {
        assertEquals(List.of("headers[0].name"), fields(doc("\"headers\": [{\"name\": \"" + name + "\", \"value\": \"v\"}]")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\\r\\nX-Injected: 1", "a\\nb", "a\\rb"})
    void headerValuesWithCrOrLfAreRefused(String value) {
        assertEquals(List.of("headers[0].value"), fields(doc("\"headers\": [{\"name\": \"X-Tenant\", \"value\": \"" + value + "\"}]")));
    }

    @Test
    void aValidHeaderIsKept() {
        Webhook webhook = valid(doc("\"headers\": [{\"name\": \"X-Tenant\", \"value\": \"acme\"}]"));
        assertEquals("X-Tenant", webhook.headers.get(0).name());
        assertEquals("acme", webhook.headers.get(0).value());
    }

    @Test
    void unknownTriggerEventsAreRefused() {
        assertEquals(List.of("triggers[1].event"), fields("{\"name\": \"n\", " + TARGET
                + ", \"triggers\": [{\"event\": \"asset.uploaded\"}, {\"event\": \"asset.exploded\"}]}"));
    }

    @Test
    void fieldAndValueBelongToMetadataChangedOnly() {
        assertEquals(List.of("triggers[0].field"), fields("{\"name\": \"n\", " + TARGET
                + ", \"triggers\": [{\"event\": \"asset.uploaded\", \"field\": \"status\"}]}"));
        assertEquals(List.of("triggers[0].field"), fields("{\"name\": \"n\", " + TARGET
                + ", \"triggers\": [{\"event\": \"asset.moved\", \"value\": \"x\"}]}"));
        Webhook webhook = valid("{\"name\": \"n\", " + TARGET
                + ", \"triggers\": [{\"event\": \"asset.metadata_changed\", \"field\": \"status\", \"value\": \"approved\"}]}");
        assertEquals("status", webhook.triggers.get(0).field());
        assertEquals("approved", webhook.triggers.get(0).value());
    }

    @Test
    void unknownPayloadFieldsAreRefused() {
        assertEquals(List.of("fields[1]"), fields(doc("\"fields\": [\"file.name\", \"file.secret\"]")));
        assertEquals(List.of("file.name", "image.width", "meta.custom"),
                valid(doc("\"fields\": [\"file.name\", \"image.width\", \"meta.custom\"]")).fields);
    }

    @Test
    void httpNeedsAllowHttp() {
        String http = "{\"name\": \"n\", \"scheme\": \"http\", " + TARGET + ", " + TRIGGERS + "}";
        assertEquals(List.of("scheme"), fields(http));
        assertEquals("http://pim.example.com/hooks/dam", valid(http, true, false).url());
        assertEquals(List.of("url"), fields("{\"name\": \"n\", \"url\": \"http://pim.example.com/x\", " + TRIGGERS + "}"));
        assertEquals(List.of("scheme"), fields("{\"name\": \"n\", \"scheme\": \"ftp\", " + TARGET + ", " + TRIGGERS + "}"));
    }

    @Test
    void theUrlIsDerivedFromHostnameAndPathWithThePortKept() {
        Webhook webhook = valid("{\"name\": \"n\", \"hostname\": \"PIM.example.com:8443\", \"path\": \"hooks/dam?x=1\", " + TRIGGERS + "}");
        assertEquals("pim.example.com:8443", webhook.hostname);
        assertEquals("/hooks/dam?x=1", webhook.path);
        assertEquals("https://pim.example.com:8443/hooks/dam?x=1", webhook.url());
        assertEquals("https://pim.example.com/", valid("{\"name\": \"n\", \"hostname\": \"pim.example.com\", " + TRIGGERS + "}").url());
    }

    @Test
    void aUrlIsAcceptedInsteadAndSplit() {
        Webhook webhook = valid("{\"name\": \"n\", \"url\": \"https://pim.example.com:8443/hooks/dam?tenant=acme\", " + TRIGGERS + "}");
        assertEquals("https", webhook.scheme);
        assertEquals("pim.example.com:8443", webhook.hostname);
        assertEquals("/hooks/dam?tenant=acme", webhook.path);
        assertEquals("https://pim.example.com:8443/hooks/dam?tenant=acme", webhook.url());
    }

    @Test
    void whenPartsAndUrlAreBothSentThePartsWinAsAGetsDocumentCarriesBoth() {
        Webhook webhook = valid("{\"name\": \"n\", " + TARGET + ", \"url\": \"https://stale.example.com/old\", " + TRIGGERS + "}");
        assertEquals("https://pim.example.com/hooks/dam", webhook.url());
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://", "pim.example.com/hooks", "https://user:pw@pim.example.com/", "https://pim.example.com/#frag",
            "https://pim example.com/", "https://pim.example.com:99999/", "https://pim.example.com:0/", "https://-pim.example.com/"})
    void invalidUrlsAreRefusedNamingTheUrl(String url) {
        assertEquals(List.of("url"), fields("{\"name\": \"n\", \"url\": \"" + url + "\", " + TRIGGERS + "}"), url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"pim.example.com:", "pim.example.com:abc", "pim.example.com:65536", "pim.example.com:0",
            "pim_example.com", "-pim.example.com", "pim..example.com", "pim.example.com:80:80", "[::1", "[zz::1]", "999.1.1.1",
            "1.2.3.4.5", "exa mple.com", "intranet"})
    void invalidHostnamesAndPortsAreRefused(String hostname) {
        assertEquals(List.of("hostname"), fields("{\"name\": \"n\", \"hostname\": \"" + hostname + "\", " + TRIGGERS + "}"), hostname);
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "localhost", "[::1]", "2130706433", "0x7f000001", "127.1", "0177.0.0.1", "0.0.0.0",
            "[::ffff:127.0.0.1]", "169.254.169.254", "10.0.0.1", "172.16.0.1", "192.168.1.1", "100.64.0.1", "[fc00::1]",
            "[fe80::1]", "[::]", "localhost:8080", "127.0.0.1:9000", "api.localhost",
            "１２７．０．０．１", "１２７。０。０。１", "１２７．１", "ｌｏｃａｌｈｏｓｔ", "１０．０．０．１：８０"})
    void nonPublicAddressesNeedAllowPrivateNetworks(String hostname) {
        String document = "{\"name\": \"n\", \"hostname\": \"" + hostname + "\", " + TRIGGERS + "}";
        assertEquals(List.of("hostname"), fields(document), hostname + " without allow-private-networks");
        Webhook accepted = valid(document, false, true);
        assertTrue(accepted.url().startsWith("https://"), accepted.url());
    }

    @Test
    void fullWidthSpellingsAreStoredAsTheAsciiTheyMean() {
        assertEquals("https://127.0.0.1/", valid("{\"name\": \"n\", \"hostname\": \"１２７．０．０．１\", " + TRIGGERS + "}", false, true).url());
        assertEquals("https://10.0.0.1:80/", valid("{\"name\": \"n\", \"hostname\": \"１０．０．０．１：８０\", " + TRIGGERS + "}", false, true).url());
        assertEquals("https://pim.example.com/", valid("{\"name\": \"n\", \"hostname\": \"ｐｉｍ．example．com\", " + TRIGGERS + "}").url());
    }

    @Test
    void otherIpv4SpellingsAreWrittenOutWhereAllowed() {
        for (String spelling : List.of("2130706433", "0x7f000001", "127.1", "0177.0.0.1")) {
            assertEquals("127.0.0.1", valid("{\"name\": \"n\", \"hostname\": \"" + spelling + "\", " + TRIGGERS + "}", false, true).hostname);
        }
        assertEquals("127.0.0.1:8080", valid("{\"name\": \"n\", \"hostname\": \"127.1:8080\", " + TRIGGERS + "}", false, true).hostname);
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "[2606:4700:4700::1111]", "pim.example.com", "xn--bcher-kva.example", "bücher.example"})
    void publicAddressesAndNamesAreAccepted(String hostname) {
        valid("{\"name\": \"n\", \"hostname\": \"" + hostname + "\", " + TRIGGERS + "}");
    }

    @Test
    void theUrlFormOfAPrivateAddressIsRefusedToo() {
        assertEquals(List.of("url"), fields("{\"name\": \"n\", \"url\": \"https://169.254.169.254/latest/meta-data\", " + TRIGGERS + "}"));
    }

    @Test
    void allBrokenRulesAreReportedAtOnce() {
        List<String> fields = fields("{\"hostname\": \"10.0.0.1\", \"headers\": [{\"name\": \"Host\", \"value\": \"x\"}],"
                + " \"triggers\": [{\"event\": \"nope\"}], \"fields\": [\"bogus\"], \"auth\": {\"type\": \"basic\"}}");
        assertEquals(List.of("name", "hostname", "headers[0].name", "triggers[0].event", "fields[0]", "auth.username", "auth.password"), fields);
    }

    @Test
    void aPutThatMovesTheTargetMustRepeatItsPasswordButOneThatKeepsItNeedNot() {
        Webhook stored = valid(doc("\"auth\": {\"type\": \"basic\", \"username\": \"dam\", \"password\": \"pw\"}"));
        String basic = "\"auth\": {\"type\": \"basic\", \"username\": \"dam\"}";
        for (String kept : List.of("\"hostname\": \"PIM.example.com:443\", \"path\": \"/hooks/dam\"",
                "\"hostname\": \"pim.example.com\", \"path\": \"/elsewhere\"")) {
            new WebhookValidator(new TargetRules(false, false)).apply(JSON.fromJson("{\"name\": \"n\", " + kept + ", " + TRIGGERS + ", " + basic + "}", WebhookJson.class), stored);
            assertEquals("pw", stored.auth.password, kept);
        }
        for (String moved : List.of("\"hostname\": \"evil.example.com\"", "\"hostname\": \"pim.example.com:8443\"",
                "\"scheme\": \"http\", \"hostname\": \"pim.example.com\"")) {
            InvalidInput refused = assertThrows(InvalidInput.class, () -> new WebhookValidator(new TargetRules(true, false))
                    .apply(JSON.fromJson("{\"name\": \"n\", " + moved + ", " + TRIGGERS + ", " + basic + "}", WebhookJson.class), stored));
            assertEquals(List.of("auth.password"), refused.errors().stream().map(FieldError::field).toList(), moved);
            assertEquals("pim.example.com", stored.hostname, "a refused PUT changes nothing");
        }
        assertEquals(List.of("hostname"), errors("{\"name\": \"n\", " + TRIGGERS + ", " + basic + "}", stored).stream()
                .map(FieldError::field).toList(), "no hostname: that error alone");
    }

    @Test
    void aSecretHeadersValueLeftOutKeepsTheStoredOneUnderItsNameOnlyWhileTheTargetStays() {
        Webhook stored = valid(doc("\"headers\": [{\"name\": \"X-Api-Key\", \"value\": \"k3y\", \"secret\": true}]"));
        assertEquals(new io.damwebhooks.webhook.entity.Header("X-Api-Key", "k3y", true), stored.headers.get(0));
        String leftOut = "\"headers\": [{\"name\": \"x-api-key\", \"secret\": true}]";
        new WebhookValidator(new TargetRules(false, false)).apply(JSON.fromJson(doc(leftOut), WebhookJson.class), stored);
        assertEquals("k3y", stored.headers.get(0).value(), "kept, the name in any case");

        InvalidInput moved = assertThrows(InvalidInput.class, () -> new WebhookValidator(new TargetRules(false, false)).apply(JSON.fromJson(
                "{\"name\": \"n\", \"hostname\": \"evil.example.com\", " + TRIGGERS + ", " + leftOut + "}", WebhookJson.class), stored));
        assertEquals(List.of(new FieldError("headers[0].value", KeptSecrets.GIVE_AGAIN)), moved.errors());
        assertEquals(List.of("headers[0].value"), errors(doc("\"headers\": [{\"name\": \"X-Other\", \"secret\": true}]"), stored)
                .stream().map(FieldError::field).toList(), "no stored secret of that name");
        assertEquals(List.of("headers[0].value"), errors(doc("\"headers\": [{\"name\": \"X-Api-Key\"}]"), stored)
                .stream().map(FieldError::field).toList(), "not secret: a value is required");
        assertEquals(null, valid(doc("\"headers\": [{\"name\": \"X-Tenant\", \"value\": \"acme\"}]")).headers.get(0).secret(),
                "a plain header is stored as before");
    }

    @Test
    void anInvalidDocumentLeavesTheWebhookUnchanged() {
        Webhook webhook = valid("{\"name\": \"before\", " + TARGET + ", " + TRIGGERS + "}");
        WebhookJson broken = JSON.fromJson("{\"name\": \"after\", \"hostname\": \"10.0.0.1\", " + TRIGGERS + "}", WebhookJson.class);
        assertThrows(InvalidInput.class, () -> new WebhookValidator(new TargetRules(false, false)).apply(broken, webhook));
        assertEquals("before", webhook.name);
        assertEquals("pim.example.com", webhook.hostname);
    }

    static String doc(String extra) {
        return "{\"name\": \"n\", " + TARGET + ", " + TRIGGERS + ", " + extra + "}";
    }

    static Webhook valid(String document) {
        return valid(document, false, false);
    }

    static Webhook valid(String document, boolean allowHttp, boolean allowPrivate) {
        Webhook webhook = Webhook.create(Instant.now());
        new WebhookValidator(new TargetRules(allowHttp, allowPrivate)).apply(JSON.fromJson(document, WebhookJson.class), webhook);
        return webhook;
    }

    /** The fields the errors name, in order; none when the document is valid. */
    static List<String> fields(String document) {
        return errors(document, new Webhook()).stream().map(FieldError::field).toList();
    }

    static List<FieldError> errors(String document, Webhook webhook) {
        try {
            new WebhookValidator(new TargetRules(false, false)).apply(JSON.fromJson(document, WebhookJson.class), webhook);
            return List.of();
        } catch (InvalidInput invalid) {
            return invalid.errors();
        }
    }
}
