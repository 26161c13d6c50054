package org.conflictmap.ingest;

/**
 * A side of the conflict as declared in seeds/sides.yaml: control changes and assessments name sides by
 * {@code id}; {@code aliases} are how reports name the side's forces ("rebels", "government forces"), which
 * the article reader finds as actors of that side.
 */
public record Side(String id, String label, String colour, java.util.List<String> aliases) {

	public Side {
		aliases = aliases == null ? java.util.List.of() : java.util.List.copyOf(aliases);
	}

}
