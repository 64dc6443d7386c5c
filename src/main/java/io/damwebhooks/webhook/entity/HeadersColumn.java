package io.damwebhooks.webhook.entity;

import io.damwebhooks.security.control.Secrets;
import jakarta.persistence.Converter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A webhook's headers as JSON text; the value of a secret header is stored encrypted under the secrets
 * key, like passwords and tokens ({@code "value": "v1:…"}), and decrypted when read.
 */
@Converter
public class HeadersColumn extends JsonColumn<List<Header>> {

    public HeadersColumn() {
        super(new ArrayList<Header>() { }.getClass().getGenericSuperclass());
    }

    @Override
    public String convertToDatabaseColumn(List<Header> headers) {
        return super.convertToDatabaseColumn(secretValues(headers, value -> Secrets.cipher().encrypt(value)));
    }

    @Override
    public List<Header> convertToEntityAttribute(String column) {
        return secretValues(super.convertToEntityAttribute(column), value -> Secrets.cipher().decrypt(value));
    }

    private static List<Header> secretValues(List<Header> headers, UnaryOperator<String> change) {
        if (headers == null || headers.stream().noneMatch(Header::isSecret)) return headers;
        return new ArrayList<>(headers.stream()
                .map(h -> Header.isSecret(h) ? new Header(h.name(), change.apply(h.value()), true) : h).toList());
    }
}
