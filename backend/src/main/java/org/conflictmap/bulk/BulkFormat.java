package org.conflictmap.bulk;

import java.util.Arrays;
import java.util.Locale;

/** The CSV layouts {@code import} reads. */
public enum BulkFormat {

	ACLED(new AcledRows()), UCDP(new UcdpRows());

	final RowFormat rows;

	BulkFormat(RowFormat rows) {
		this.rows = rows;
	}

	/** The format named by {@code name} (any case). */
	public static BulkFormat of(String name) {
		for (BulkFormat format : values()) {
			if (format.name().equalsIgnoreCase(name)) {
				return format;
			}
		}
		throw new IllegalArgumentException("format '" + name + "' is not one of "
				+ Arrays.stream(values()).map(f -> f.name().toLowerCase(Locale.ROOT)).toList());
	}

	@Override
	public String toString() {
		return name().toLowerCase(Locale.ROOT);
	}

}
