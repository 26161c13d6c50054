package org.conflictmap.export;

import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.conflictmap.event.Event;
import org.conflictmap.event.EventText;
import org.springframework.web.util.HtmlUtils;

/**
 * Events as KML 2.2 placemarks with a TimeSpan each, so Google Earth's time slider plays them. The
 * span's end is the day after {@code date_end}: KML instants are points in time, and an event lasts the
 * whole of its last day. Written with StAX, so all text is escaped and nothing is held in memory.
 */
final class EventKml {

	static final String NS = "http://www.opengis.net/kml/2.2";

	private EventKml() {
	}

	static void write(OutputStream out, String documentName, Consumer<Consumer<Event>> source) {
		try {
			XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
			xml.writeStartDocument("UTF-8", "1.0");
			xml.writeStartElement("kml");
			xml.writeDefaultNamespace(NS);
			xml.writeStartElement("Document");
			element(xml, "name", documentName);
			source.accept(e -> placemark(xml, e));
			xml.writeEndElement();
			xml.writeEndElement();
			xml.writeEndDocument();
			xml.flush();
			xml.close();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException("KML export failed", ex);
		}
	}

	private static void placemark(XMLStreamWriter xml, Event e) {
		try {
			xml.writeStartElement("Placemark");
			xml.writeAttribute("id", EventText.xmlSafe(e.id()));
			element(xml, "name", e.title());
			// KML viewers render a description as HTML: escaped here, it shows as the text it is
			String description = e.summary() + "\n\nPlace as reported: " + e.placeText() + "\nClaims: "
					+ e.claims().stream().map(c -> c.by() + ": " + c.statement() + " [" + c.status() + "]")
						.collect(Collectors.joining("; "));
			element(xml, "description", HtmlUtils.htmlEscape(description).replace("\n", "<br>"));
			xml.writeStartElement("TimeSpan");
			element(xml, "begin", e.dateStart().toString());
			element(xml, "end", e.dateEnd().plusDays(1).toString());
			xml.writeEndElement();
			xml.writeStartElement("ExtendedData");
			for (var field : data(e).entrySet()) {
				xml.writeStartElement("Data");
				xml.writeAttribute("name", field.getKey());
				element(xml, "value", field.getValue());
				xml.writeEndElement();
			}
			xml.writeEndElement();
			xml.writeStartElement("Point");
			element(xml, "coordinates", e.geom().getX() + "," + e.geom().getY());
			xml.writeEndElement();
			xml.writeEndElement();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException("KML export failed at event " + e.id(), ex);
		}
	}

	private static Map<String, String> data(Event e) {
		var d = new LinkedHashMap<String, String>();
		d.put("event_id", e.id());
		d.put("event_type", e.eventType());
		d.put("sub_event_type", e.subEventType());
		d.put("date_start", e.dateStart().toString());
		d.put("date_end", e.dateEnd().toString());
		d.put("time_precision", String.valueOf(e.timePrecision()));
		d.put("place_text", e.placeText());
		d.put("geo_precision", String.valueOf(e.geocode().geoPrecision()));
		d.put("fatalities", e.fatalities() == null ? "" : e.fatalities().toString());
		d.put("side_a", String.join("; ", e.actors().sideA()));
		d.put("side_b", String.join("; ", e.actors().sideB()));
		return d;
	}

	private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
		xml.writeStartElement(name);
		xml.writeCharacters(text == null ? "" : EventText.xmlSafe(text));
		xml.writeEndElement();
	}

}
