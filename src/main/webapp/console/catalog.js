// The DAM's own wording and grouping (Settings > DAM > Automations > Webhooks), mapped to the API's names.

export const TRIGGERS = [
    {event: 'asset.uploaded', label: 'On upload', help: 'After a successful asset upload.'},
    {event: 'asset.moved', label: 'On move', help: 'When the asset location is changed.'},
    {event: 'asset.renamed', label: 'On rename', help: 'When the asset is renamed.'},
    {event: 'asset.deleted', label: 'On delete', help: 'When the asset is deleted.'},
    {event: 'asset.metadata_changed', label: 'On change meta',
        help: 'When some specific (or any) metadata field is modified to a value (or any).'},
    {event: 'asset.info_changed', label: 'On change info',
        help: "When some asset's information (e.g. title, description, etc.) is changed."},
    {event: 'asset.tags_changed', label: 'On change tag', help: "When the asset's tags are edited."},
    {event: 'asset.labels_changed', label: 'On change label', help: "When the asset's labels are modified."},
];

export const META_EVENT = 'asset.metadata_changed';

export const FIELD_GROUPS = [
    {title: 'File (All assets)', fields: [
        ['file.name', 'Name'], ['file.size', 'Size'], ['file.path', 'Path'], ['file.mimeType', 'MIME type'],
        ['file.cdnLink', 'CDN link'], ['file.uuid', 'File UUID']]},
    {title: 'Video', fields: [
        ['video.width', 'Width'], ['video.height', 'Height'], ['video.length', 'Length (in seconds)'],
        ['video.bitrate', 'Bitrate'], ['video.playlistUrl', 'HLS/DASH playlist URL']]},
    {title: 'Image', fields: [['image.width', 'Width'], ['image.height', 'Height']]},
    // the DAM marks these with an asterisk that points to its note on what they include
    {title: 'Additional', starred: true, fields: [
        ['meta.system', 'All system metadata'], ['meta.custom', 'All custom metadata'],
        ['meta.embedded', 'All embedded metadata']]},
];

/** What a new webhook sends: the six file fields, as the API does when none are named. */
export const DEFAULT_FIELDS = FIELD_GROUPS[0].fields.map(([selector]) => selector);

export const AUTH_TYPES = [
    {type: 'none', label: 'None'},
    {type: 'basic', label: 'Basic authentication'},
    {type: 'oauth2', label: 'OAuth2 authentication'},
    {type: 'bearer', label: 'Static bearer token'},
];

export const METADATA_NOTE = 'Those global metadata packages include everything that is recorded for the asset in '
    + 'each of the 3 categories, e.g. for system metadata the file hash, labels, etc.';
export const EMBEDDED_WARNING = 'Note that embedded metadata can be very voluminous: please only add it if really necessary.';

export const MAX_HEADERS = 10;

export const triggerLabel = event => TRIGGERS.find(t => t.event === event)?.label ?? event;
export const fieldId = selector => 'field-' + selector.replace('.', '-');
export const triggerId = event => 'trigger-' + event.replace('asset.', '').replace('_', '-');
