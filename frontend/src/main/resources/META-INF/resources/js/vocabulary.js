// The words and colours events are drawn in: ACLED's event types (in the codebook's order, as /api/stats
// returns them) and the one-word claim status (Event.claimStatus on the server).

export const EVENT_TYPES = [
  { type: 'Battles', colour: '#b91c1c' },
  { type: 'Explosions/Remote violence', colour: '#ea580c' },
  { type: 'Violence against civilians', colour: '#7c3aed' },
  { type: 'Protests', colour: '#0284c7' },
  { type: 'Riots', colour: '#0891b2' },
  { type: 'Strategic developments', colour: '#374151' },
];

const COLOURS = Object.fromEntries(EVENT_TYPES.map(({ type, colour }) => [type, colour]));

/** The colour of an event type (grey for one the page does not know). */
export function typeColour(type) {
  return COLOURS[type] ?? '#6b7280';
}

/** Claim statuses, least settled first, with what each looks like on the map. */
export const CLAIM_STATUSES = [
  { status: 'denied', label: 'Denied by someone', symbol: 'hollow, struck through' },
  { status: 'contested', label: 'Contested', symbol: 'dashed ring' },
  { status: 'reported', label: 'Reported', symbol: 'solid' },
  { status: 'confirmed', label: 'Confirmed', symbol: 'solid with a white ring' },
  { status: 'unclaimed', label: 'No claim recorded', symbol: 'solid' },
];

/** Uncertainty radius in metres by geo_precision: a neighbourhood, a region. */
export const PRECISION_RADIUS = { 2: 8000, 3: 60000 };

/** A short CSS-safe name for a type: "explosions-remote-violence". */
export function typeSlug(type) {
  return type.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}
