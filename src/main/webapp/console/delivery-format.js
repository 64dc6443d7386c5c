// How deliveries read in the log: the DAM's wording for events, a badge for the status.
import {h} from './dom.js';
import {triggerLabel} from './catalog.js';

export const eventLabel = type => type === 'webhook.test' ? 'Test event' : triggerLabel(type);

const STATUS = {pending: 'Pending', succeeded: 'Succeeded', failed: 'Failed'};
export const statusBadge = status => h('span', {class: `badge ${status}`}, STATUS[status] ?? status);
