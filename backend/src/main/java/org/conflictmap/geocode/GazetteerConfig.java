package org.conflictmap.geocode;

import java.io.IOException;
import java.nio.file.Path;

import org.conflictmap.gazetteer.NewsGeocoder;
import org.conflictmap.gazetteer.Gazetteer;
import org.conflictmap.gazetteer.Geocoder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The gazetteer the service geocodes against: the shipped GeoNames extract, or any standard GeoNames
 * dump named by {@code conflictmap.gazetteer.geonames-file}.
 */
@Configuration(proxyBeanMethods = false)
class GazetteerConfig {

	@Bean
	Gazetteer gazetteer(@Value("${conflictmap.gazetteer.geonames-file:}") String geonamesFile) throws IOException {
		return geonamesFile.isBlank() ? Gazetteer.loadDefault() : Gazetteer.load(Path.of(geonamesFile));
	}

	@Bean
	Geocoder geocoder(Gazetteer gazetteer) {
		return new NewsGeocoder(gazetteer);
	}

}
