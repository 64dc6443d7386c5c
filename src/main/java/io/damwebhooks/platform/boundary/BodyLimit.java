package io.damwebhooks.platform.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every request body the API reads is bounded ({@code webhooks.api.max-body-size}, 1 MiB by default:
 * 413 above it, whether or not the client announced its length) and must be valid UTF-8 (400
 * otherwise: JSON parsers would silently replace broken bytes, and the replacement would be stored,
 * signed and sent as if the DAM had said it).
 */
@Provider
public class BodyLimit implements ContainerRequestFilter {

    @Inject
    @ConfigProperty(name = "webhooks.api.max-body-size", defaultValue = "1048576")
    int maxBytes;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        if (!request.hasEntity()) return;
        if (request.getLength() > maxBytes) throw tooLarge();
        byte[] body = readAtMost(request.getEntityStream(), maxBytes);
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
        } catch (CharacterCodingException e) {
            throw new io.damwebhooks.platform.control.InvalidInput("body", "is not valid UTF-8");
        }
        request.setEntityStream(new ByteArrayInputStream(body));
    }

    private byte[] readAtMost(InputStream in, int limit) throws IOException {
        byte[] body = in.readNBytes(limit + 1);
        if (body.length > limit) throw tooLarge();
        return body;
    }

    private ClientErrorException tooLarge() {
        return new ClientErrorException("The body is larger than " + maxBytes + " bytes (webhooks.api.max-body-size).",
                Response.Status.REQUEST_ENTITY_TOO_LARGE);
    }
}
