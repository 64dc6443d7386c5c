package io.damwebhooks.webhook.entity;

import jakarta.persistence.Converter;
import java.util.ArrayList;
import java.util.List;

@Converter
public class TriggersColumn extends JsonColumn<List<Trigger>> {
    public TriggersColumn() {
        super(new ArrayList<Trigger>() { }.getClass().getGenericSuperclass());
    }
}
