// The reads the map waits for before it can ask for any events: asked for as soon as this module (and
// the small api.js) arrive, since index.html loads it on its own, not after the twenty modules of
// main.js's graph have all loaded. main.js imports the same module, so each read is made once, and
// their answers are usually in by the time main.js runs.
import { fetchFrontlineDates, fetchMapSettings, fetchSides, fetchStats } from './api.js';

/** The sides of the conflict; none when the service cannot say. */
export const sides = fetchSides().catch(() => []);

/** The operator's map settings; the defaults when the service cannot say. */
export const mapSettings = fetchMapSettings().catch(() => ({}));

/** The days on which the territory changes; none when the service cannot say. */
export const frontlineDates = fetchFrontlineDates().then((d) => d.dates).catch(() => []);

/** Every published event counted (the slider's bounds, and the landing view's legend and timeline). */
export const everything = fetchStats('');
// main.js reports a failure when it awaits this; until then it is not an unhandled rejection
everything.catch(() => {});
