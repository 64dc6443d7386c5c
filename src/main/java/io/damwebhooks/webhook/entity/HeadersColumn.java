package io.damwebhooks.webhook.entity;

import jakarta.persistence.Converter;
import java.util.ArrayList;
import java.util.List;

@Converter
public class HeadersColumn extends JsonColumn<List<Header>> {
    public HeadersColumn() {
        super(new ArrayList<Header>() { }.getClass().getGenericSuperclass());
    }
}
