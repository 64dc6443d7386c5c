package io.damwebhooks.webhook.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The headers column reads what it wrote, and rows written before secret headers existed, as they were. */
class HeadersColumnTest {

    private final HeadersColumn column = new HeadersColumn();

    @Test
    void rowsWithoutSecretHeadersReadAndWriteAsBefore() {
        String before = "[{\"name\":\"X-Tenant\",\"value\":\"acme\"}]";
        List<Header> read = column.convertToEntityAttribute(before);
        assertEquals(List.of(new Header("X-Tenant", "acme")), read);
        assertEquals(before, column.convertToDatabaseColumn(read));
    }
}
