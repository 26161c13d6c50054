package org.conflictmap.scratch;

import java.util.*;
import com.google.gson.*;
import com.microsoft.playwright.*;
import org.conflictmap.support.*;
import org.junit.jupiter.api.Test;

class ProbeTest {
	@Test
	void probe() {
		String url = System.getProperty("probe.url", "http://localhost:8090/");
		try (Playwright pw = Chromium.playwright(); Browser browser = Chromium.launch(pw)) {
			for (int i = 0; i < 6; i++) {
				var ctx = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800));
				Page page = ctx.newPage();
				CDPSession cdp = null;
				if (i == 4) {
					cdp = ctx.newCDPSession(page);
					cdp.send("Profiler.enable");
					JsonObject p = new JsonObject(); p.addProperty("interval", 200);
					cdp.send("Profiler.setSamplingInterval", p);
					cdp.send("Profiler.start");
				}
				long t = System.nanoTime();
				BrowserPages.openMap(page, url);
				long ms = (System.nanoTime() - t) / 1_000_000;
				Object r = page.evaluate("() => performance.getEntriesByType('resource').filter(e => e.name.includes('/api/') || e.name.includes('main.js') || e.name.includes('leaflet.js') || e.name.includes('first-reads')).map(e => { const u = new URL(e.name); return u.pathname + ' ' + Math.round(e.startTime) + '-' + Math.round(e.responseEnd); }).join(', ')");
				System.out.println("PROBE visit " + i + ": " + ms + " ms; " + r);
				if (cdp != null) {
					JsonObject prof = cdp.send("Profiler.stop").getAsJsonObject("profile");
					Map<Integer, String> owner = new HashMap<>();
					for (JsonElement n : prof.getAsJsonArray("nodes")) {
						JsonObject o = n.getAsJsonObject();
						JsonObject cf = o.getAsJsonObject("callFrame");
						String u = cf.get("url").getAsString();
						String key = u.isEmpty() ? cf.get("functionName").getAsString() : u.replaceAll(".*/", "") + ":" + cf.get("functionName").getAsString();
						owner.put(o.get("id").getAsInt(), key);
					}
					var samples = prof.getAsJsonArray("samples");
					var deltas = prof.getAsJsonArray("timeDeltas");
					Map<String, Double> self = new TreeMap<>();
					Map<String, Double> perFile = new TreeMap<>();
					for (int k = 0; k < samples.size(); k++) {
						String key = owner.get(samples.get(k).getAsInt());
						double d = deltas.get(k).getAsDouble() / 1000.0;
						self.merge(key, d, Double::sum);
						perFile.merge(key.contains(":") ? key.substring(0, key.indexOf(':')) : key, d, Double::sum);
					}
					perFile.entrySet().stream().sorted((a, b) -> Double.compare(b.getValue(), a.getValue())).limit(15)
						.forEach(e -> System.out.printf("PROBE file %-40s %.0f ms%n", e.getKey(), e.getValue()));
					self.entrySet().stream().sorted((a, b) -> Double.compare(b.getValue(), a.getValue())).limit(20)
						.forEach(e -> System.out.printf("PROBE fn %-60s %.0f ms%n", e.getKey(), e.getValue()));
				}
				ctx.close();
			}
		}
	}
}
