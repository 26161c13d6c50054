package org.conflictmap.web;

import org.springframework.boot.test.context.SpringBootTest;

/** The parameter fuzz on the embedded store (H2 + H2GIS) with the repository's seeds. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "conflictmap.data-dir=backend/target/test-data/fuzz-${random.uuid}")
class H2GisParameterFuzzTest extends ParameterFuzzContract {

}
