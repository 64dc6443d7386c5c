package io.damwebhooks.event.control;

import io.damwebhooks.api.AssetEvent;
import io.damwebhooks.api.Change;
import io.damwebhooks.api.MetadataChanged;
import io.damwebhooks.webhook.entity.Trigger;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Whether a webhook's triggers name an event. For {@code asset.metadata_changed} a trigger may narrow
 * to one metadata {@code field} and to a {@code value}: the field's new value, compared as text, so
 * that a trigger configured as {@code "5"} matches the number 5. Absent (or blank) means any.
 */
public final class Triggers {

    private Triggers() { }

    public static boolean fire(List<Trigger> triggers, AssetEvent event) {
        if (triggers == null) return false;
        for (Trigger trigger : triggers) {
            if (matches(trigger, event)) return true;
        }
        return false;
    }

    static boolean matches(Trigger trigger, AssetEvent event) {
        if (trigger == null || !event.type().wireName().equals(trigger.event())) return false;
        if (!(event instanceof MetadataChanged changed)) return true;
        String field = blankToNull(trigger.field());
        String value = blankToNull(trigger.value());
        Map<String, Change<?>> meta = changed.meta();
        if (field != null) {
            Change<?> change = meta.get(field);
            return change != null && (value == null || value.equals(text(change.newValue())));
        }
        if (value == null) return true;
        for (Change<?> change : meta.values()) {
            if (value.equals(text(change.newValue()))) return true;
        }
        return false;
    }

    /** A value as a trigger compares it; null matches no value. */
    static String text(Object value) {
        if (value == null) return null;
        if (value instanceof BigDecimal decimal) return decimal.toPlainString();
        return value.toString();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
