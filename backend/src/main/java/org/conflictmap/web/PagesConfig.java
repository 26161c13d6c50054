package org.conflictmap.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Clean addresses for the static pages: /login and /editor (frontend module, META-INF/resources). */
@Configuration
class PagesConfig implements WebMvcConfigurer {

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addViewController("/login").setViewName("forward:/login.html");
		registry.addViewController("/editor").setViewName("forward:/editor.html");
	}

}
