package org.conflictmap.event;

/**
 * Published (as a Spring application event) once an import has committed new or changed events, so what
 * is kept per data version can be made ready for the next reader instead of by it.
 */
public record EventsImported() {
}
