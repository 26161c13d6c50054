package org.conflictmap.export;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.conflictmap.event.Event;
import org.conflictmap.support.TestEvents;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import static org.assertj.core.api.Assertions.assertThat;

/** The KML writer: well-formed XML whatever a stored text holds, and descriptions a viewer shows as text. */
class EventKmlTest {

	@Test
	void controlCharactersAndLoneSurrogatesStillMakeWellFormedXml() throws Exception {
		Event e = TestEvents.withTitle(TestEvents.event("a\u0001b", "2024-12-01", "2024-12-01", new double[] { 36.7, 35.1 }),
				"Shelling\u0001 of\u000B Hama \uFFFE and \uD800 more \uD83D\uDE00");

		Document kml = parse(write(e));

		String name = kml.getElementsByTagName("name").item(1).getTextContent();
		assertThat(name).isEqualTo("Shelling\uFFFD of\uFFFD Hama \uFFFD and \uFFFD more \uD83D\uDE00");
	}

	@Test
	void aDescriptionIsEscapedSoViewersShowItsMarkupAsText() throws Exception {
		Event e = TestEvents.event("hostile", "2024-12-01", "2024-12-01", new double[] { 36.7, 35.1 });
		e = new Event(e.id(), e.title(), "<img src=x onerror=alert(1)> & more", e.eventType(), e.subEventType(),
				e.actors(), e.dateStart(), e.dateEnd(), e.timePrecision(), e.placeText(), e.geocode(), e.country(),
				e.admin1(), e.geom(), e.fatalities(), e.claims(), e.sources(), e.controlChange(), e.status(), e.version(),
				e.createdAt(), e.updatedAt());

		String description = parse(write(e)).getElementsByTagName("description").item(0).getTextContent();

		assertThat(description).as("what the viewer renders as HTML")
			.startsWith("&lt;img src=x onerror=alert(1)&gt; &amp; more<br><br>Place as reported")
			.doesNotContain("<img");
	}

	private static byte[] write(Event e) {
		var out = new ByteArrayOutputStream();
		EventKml.write(out, "test", sink -> List.of(e).forEach(sink));
		return out.toByteArray();
	}

	private static Document parse(byte[] xml) throws Exception {
		return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(xml));
	}

}
