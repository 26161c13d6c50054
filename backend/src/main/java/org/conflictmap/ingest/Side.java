package org.conflictmap.ingest;

/**
 * A side of the conflict as declared in seeds/sides.yaml: control changes and (later) control areas name
 * sides by {@code id}.
 */
public record Side(String id, String label, String colour) {
}
