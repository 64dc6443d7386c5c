package io.damwebhooks.event.control;

import io.damwebhooks.api.Asset;
import io.damwebhooks.webhook.entity.PayloadField;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Which of a webhook's selected fields apply to an asset: image fields to images, video fields to videos. */
final class PayloadFields {

    private static final Map<String, PayloadField> BY_SELECTOR = Stream.of(PayloadField.values())
            .collect(Collectors.toUnmodifiableMap(PayloadField::selector, Function.identity()));

    private PayloadFields() { }

    static Set<PayloadField> applicable(Collection<String> selectors, Asset asset) {
        EnumSet<PayloadField> fields = EnumSet.noneOf(PayloadField.class);
        if (selectors == null) return fields;
        for (String selector : selectors) {
            PayloadField field = BY_SELECTOR.get(selector);
            // a selector this version does not know (validated away on input) is skipped, not fatal
            if (field != null && appliesTo(field, asset)) fields.add(field);
        }
        return fields;
    }

    static boolean appliesTo(PayloadField field, Asset asset) {
        return switch (field.kind()) {
            case ANY -> true;
            case IMAGE -> asset.isImage();
            case VIDEO -> asset.isVideo();
        };
    }
}
