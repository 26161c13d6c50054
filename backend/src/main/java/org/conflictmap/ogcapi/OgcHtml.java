package org.conflictmap.ogcapi;

import java.util.List;
import java.util.Map;

import org.conflictmap.event.Event;
import org.springframework.web.util.HtmlUtils;

/** Plain HTML pages for the OGC API's HTML conformance class; every value is escaped. */
final class OgcHtml {

	private OgcHtml() {
	}

	static String landing(Map<String, Object> body) {
		var html = new StringBuilder("<p>").append(esc(String.valueOf(body.get("description")))).append("</p><ul>");
		@SuppressWarnings("unchecked")
		var links = (List<Map<String, Object>>) body.get("links");
		for (var link : links) {
			html.append("<li><a href=\"").append(esc(String.valueOf(link.get("href")))).append("\">")
				.append(esc(String.valueOf(link.get("title")))).append("</a> (").append(esc(String.valueOf(link.get("rel"))))
				.append(")</li>");
		}
		return page(String.valueOf(body.get("title")), html.append("</ul>").toString());
	}

	static String list(String title, List<String> items) {
		var html = new StringBuilder("<ul>");
		items.forEach(i -> html.append("<li>").append(esc(i)).append("</li>"));
		return page(title, html.append("</ul>").toString());
	}

	static String pre(String title, String text) {
		return page(title, "<pre>" + esc(text) + "</pre>");
	}

	static String collections(List<Map<String, Object>> collections) {
		var html = new StringBuilder("<ul>");
		for (var c : collections) {
			String id = String.valueOf(c.get("id"));
			html.append("<li><a href=\"").append(esc(OgcApi.ROOT + "/collections/" + id + "/items?f=html")).append("\">")
				.append(esc(String.valueOf(c.get("title")))).append("</a>: ").append(esc(String.valueOf(c.get("description"))))
				.append("</li>");
		}
		return page("Collections", html.append("</ul>").toString());
	}

	static String items(List<Event> events, long matched, int offset) {
		var html = new StringBuilder("<p>").append(matched).append(" events match; showing ").append(events.size())
			.append(" from number ").append(offset + 1).append(".</p><table><thead><tr><th>id</th><th>title</th>")
			.append("<th>dates</th><th>type</th><th>place as reported</th><th>lon, lat</th></tr></thead><tbody>");
		for (Event e : events) {
			html.append("<tr><td><a href=\"").append(esc(OgcApi.ROOT + "/collections/events/items/" + e.id() + "?f=html"))
				.append("\">").append(esc(e.id())).append("</a></td><td>").append(esc(e.title())).append("</td><td>")
				.append(e.dateStart()).append(" – ").append(e.dateEnd()).append("</td><td>")
				.append(esc(e.eventType() + ": " + e.subEventType())).append("</td><td>").append(esc(e.placeText()))
				.append("</td><td>").append(e.geom().getX()).append(", ").append(e.geom().getY()).append("</td></tr>");
		}
		return page("Events", html.append("</tbody></table>").toString());
	}

	private static String page(String title, String body) {
		return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + esc(title)
				+ " – conflict-map OGC API</title></head><body><h1>" + esc(title) + "</h1>" + body
				+ "<p><a href=\"" + OgcApi.ROOT + "?f=html\">OGC API home</a> · <a href=\"/\">the map</a></p></body></html>";
	}

	private static String esc(String s) {
		return HtmlUtils.htmlEscape(s == null ? "" : s);
	}

}
