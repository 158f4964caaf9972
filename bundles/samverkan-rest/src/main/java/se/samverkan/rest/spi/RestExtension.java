package se.samverkan.rest.spi;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Marks a DS component whose service is a JAX-RS provider (an {@code ExceptionMapper}, a {@code ParamConverterProvider},
 * a filter): it is added to the API's providers while the service is registered, after the platform's own, which it
 * can add to but not replace. The service property it sets is {@value #PROPERTY}{@code =true}.
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface RestExtension {

    /** Names the property {@code samverkan.rest.extension} (DS 1.4 component property type). */
    String PREFIX_ = "samverkan.";

    /** The service property the REST server looks for. */
    String PROPERTY = "samverkan.rest.extension";
}
