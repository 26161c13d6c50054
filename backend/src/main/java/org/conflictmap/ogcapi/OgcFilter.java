package org.conflictmap.ogcapi;

import java.util.Locale;
import java.util.Map;

import org.conflictmap.errors.BadRequestException;
import org.conflictmap.errors.Parameters;
import org.conflictmap.event.EventQuery;
import org.conflictmap.ogcapi.cql.Cql2Json;
import org.conflictmap.ogcapi.cql.Cql2Text;
import org.conflictmap.ogcapi.cql.CqlSql;
import org.conflictmap.ogcapi.cql.Expr;

/**
 * OGC API - Features Part 3 on the events' items: {@code filter} in CQL2 text (the default) or JSON
 * ({@code filter-lang}), in CRS84 ({@code filter-crs}), becomes one more condition of the same
 * {@link EventQuery} every other filter goes through. Answered: comparisons, AND / OR / NOT, IS NULL,
 * LIKE, BETWEEN, IN, S_INTERSECTS with points, lines, polygons and boxes, and CQL2's fifteen temporal
 * functions (T_AFTER ... T_STARTS) on dates, intervals and the event's days ({@code datetime}).
 */
final class OgcFilter {

	private OgcFilter() {
	}

	/** The query with the request's filter added, if it has one. */
	static EventQuery apply(EventQuery query, Map<String, String[]> params) {
		String filter = Parameters.single(params, "filter");
		String lang = Parameters.single(params, "filter-lang");
		String crs = Parameters.single(params, "filter-crs");
		if (crs != null && !OgcApi.CRS84.equals(crs)) {
			throw new BadRequestException("filter-crs", "filter-crs must be " + OgcApi.CRS84 + " (the default), not '"
					+ crs + "'");
		}
		if (filter == null) {
			if (lang != null || crs != null) {
				throw new BadRequestException("filter", "filter-lang and filter-crs describe a filter; give filter too");
			}
			return query;
		}
		Expr expr = switch (lang == null ? "cql2-text" : lang.toLowerCase(Locale.ROOT)) {
			case "cql2-text" -> Cql2Text.parse(filter);
			case "cql2-json" -> Cql2Json.parse(filter);
			default -> throw new BadRequestException("filter-lang", "filter-lang must be cql2-text (the default) or "
					+ "cql2-json, not '" + lang + "'");
		};
		return query.withFilter(CqlSql.of(expr));
	}

}
