package io.damwebhooks.event.control;

import io.damwebhooks.api.Asset;
import io.damwebhooks.api.AssetEvent;
import io.damwebhooks.webhook.entity.PayloadField;
import jakarta.json.bind.serializer.JsonbSerializer;
import jakarta.json.bind.serializer.SerializationContext;
import jakarta.json.stream.JsonGenerator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The part of a body that depends on the event and the field selection, not on the webhook:
 * {@code {"asset": {…}, "changes": {…}}}, written by JSON-B through its {@link Serializer} (see
 * {@link PayloadJson}): the selected fields in a fixed order, nulls left out.
 * <p>
 * A class with nothing JSON-B would see as a property, not a record: for a record, JSON-B inspects the
 * components on every {@code toJson} (the event's runtime type among them), which took ten times as
 * long as writing a small selection.
 */
public final class PayloadBody {

    private final AssetEvent event;
    private final Set<PayloadField> selection;

    PayloadBody(AssetEvent event, Set<PayloadField> selection) {
        this.event = event;
        this.selection = selection;
    }

    /** The order of the keys in {@code data.asset}: identity first, then file, image or video, metadata. */
    private static final List<PayloadField> ORDER = List.of(
            PayloadField.FILE_UUID, PayloadField.FILE_NAME, PayloadField.FILE_SIZE, PayloadField.FILE_PATH,
            PayloadField.FILE_MIME_TYPE, PayloadField.FILE_CDN_LINK,
            PayloadField.IMAGE_WIDTH, PayloadField.VIDEO_WIDTH, PayloadField.IMAGE_HEIGHT, PayloadField.VIDEO_HEIGHT,
            PayloadField.VIDEO_LENGTH, PayloadField.VIDEO_BITRATE, PayloadField.VIDEO_PLAYLIST_URL);

    private static final List<PayloadField> META =
            List.of(PayloadField.META_SYSTEM, PayloadField.META_CUSTOM, PayloadField.META_EMBEDDED);

    /** Writes the selection straight to JSON-B's generator. */
    public static final class Serializer implements JsonbSerializer<PayloadBody> {

        @Override
        public void serialize(PayloadBody body, JsonGenerator out, SerializationContext context) {
            JsonValues values = new JsonValues(out, context);
            out.writeStartObject();
            out.writeKey("asset");
            writeAsset(body.event.asset(), body.selection, values, out);
            Map<String, Object> changes = body.event.changes();
            if (!changes.isEmpty()) {
                out.writeKey("changes");
                values.writeObject(changes);
            }
            out.writeEnd();
        }

        private static void writeAsset(Asset asset, Set<PayloadField> selection, JsonValues values, JsonGenerator out) {
            out.writeStartObject();
            for (PayloadField field : ORDER) {
                Object value = selection.contains(field) ? value(field, asset) : null;
                if (value != null) {
                    out.writeKey(field.key());
                    values.write(value);
                }
            }
            // a group the DAM sent nothing in is left out, like a null field (not sent as {}); so is
            // meta when every selected group is
            if (META.stream().anyMatch(field -> selection.contains(field) && !metadata(field, asset).isEmpty())) {
                out.writeKey("meta");
                out.writeStartObject();
                for (PayloadField field : META) {
                    if (selection.contains(field) && !metadata(field, asset).isEmpty()) {
                        out.writeKey(field.key());
                        values.writeObject(metadata(field, asset));
                    }
                }
                out.writeEnd();
            }
            out.writeEnd();
        }

        private static Object value(PayloadField field, Asset asset) {
            return switch (field) {
                case FILE_UUID -> asset.uuid();
                case FILE_NAME -> asset.name();
                case FILE_SIZE -> asset.size();
                case FILE_PATH -> asset.path();
                case FILE_MIME_TYPE -> asset.mimeType();
                case FILE_CDN_LINK -> asset.cdnLink();
                case IMAGE_WIDTH, VIDEO_WIDTH -> asset.width();
                case IMAGE_HEIGHT, VIDEO_HEIGHT -> asset.height();
                case VIDEO_LENGTH -> asset.length();
                case VIDEO_BITRATE -> asset.bitrate();
                case VIDEO_PLAYLIST_URL -> asset.playlistUrl();
                default -> null;
            };
        }

        private static Map<String, Object> metadata(PayloadField field, Asset asset) {
            return switch (field) {
                case META_SYSTEM -> asset.meta().system();
                case META_CUSTOM -> asset.meta().custom();
                default -> asset.meta().embedded();
            };
        }
    }
}
