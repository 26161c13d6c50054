package org.conflictmap.bulk;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import com.neovisionaries.i18n.CountryCode;

/**
 * Countries as the imported files write them (ISO 3166 numeric codes, English names, UCDP's historical
 * names with the older name in brackets) to the ISO alpha-2 codes events carry.
 */
final class CountryNames {

	private static final Map<String, String> BY_NAME = new HashMap<>();

	static {
		for (String code : Locale.getISOCountries()) {
			BY_NAME.put(key(new Locale("", code).getDisplayCountry(Locale.ENGLISH)), code);
		}
		for (CountryCode code : CountryCode.values()) {
			if (code.getAlpha2() != null && code.getAssignment() == CountryCode.Assignment.OFFICIALLY_ASSIGNED) {
				BY_NAME.putIfAbsent(key(code.getName()), code.getAlpha2());
			}
		}
		// names ACLED and UCDP use that neither list spells the same way
		String[][] aliases = { { "Syria", "SY" }, { "Turkey", "TR" }, { "Türkiye", "TR" }, { "Russia", "RU" },
				{ "Iran", "IR" }, { "DR Congo", "CD" }, { "Democratic Republic of Congo", "CD" },
				{ "Republic of Congo", "CG" }, { "Congo", "CG" }, { "Palestine", "PS" }, { "Ivory Coast", "CI" },
				{ "Cote d'Ivoire", "CI" }, { "Myanmar", "MM" }, { "Laos", "LA" }, { "North Korea", "KP" },
				{ "South Korea", "KR" }, { "Bolivia", "BO" }, { "Venezuela", "VE" }, { "Tanzania", "TZ" },
				{ "Vietnam", "VN" }, { "Moldova", "MD" }, { "Kosovo", "XK" }, { "eSwatini", "SZ" },
				{ "Swaziland", "SZ" }, { "Cambodia", "KH" }, { "Bosnia-Herzegovina", "BA" },
				{ "Macedonia, FYR", "MK" }, { "Serbia", "RS" }, { "Yemen", "YE" }, { "Madagascar", "MG" } };
		for (String[] alias : aliases) {
			BY_NAME.put(key(alias[0]), alias[1]);
		}
	}

	private CountryNames() {
	}

	/** The alpha-2 code for an ISO 3166 numeric code, or null when there is none. */
	static String byNumeric(int numeric) {
		CountryCode code = CountryCode.getByCode(numeric);
		return code == null ? null : code.getAlpha2();
	}

	/** The alpha-2 code for an English country name, or null; "Yemen (North Yemen)" is read as Yemen. */
	static String byName(String name) {
		if (name == null) {
			return null;
		}
		String code = BY_NAME.get(key(name));
		if (code == null && name.contains("(")) {
			code = BY_NAME.get(key(name.substring(0, name.indexOf('('))));
		}
		return code;
	}

	private static String key(String name) {
		return name.strip().toLowerCase(Locale.ROOT);
	}

}
