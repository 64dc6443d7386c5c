package io.damwebhooks.webhook.entity;

import jakarta.persistence.Converter;
import java.util.ArrayList;
import java.util.List;

@Converter
public class FieldsColumn extends JsonColumn<List<String>> {
    public FieldsColumn() {
        super(new ArrayList<String>() { }.getClass().getGenericSuperclass());
    }
}
