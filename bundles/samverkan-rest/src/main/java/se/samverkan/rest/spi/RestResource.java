package se.samverkan.rest.spi;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Marks a DS component whose service is a JAX-RS resource (a class with {@code @Path}): it is served under
 * {@code /api/v1} while the service is registered, with the platform's security and error handling. The service
 * property it sets is {@value #PROPERTY}{@code =true}; a bundle that registers by hand sets that property.
 * <pre>
 * &#64;Component(service = BookingResource.class)
 * &#64;RestResource
 * &#64;Path("bookings")
 * public class BookingResource { ... }
 * </pre>
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface RestResource {

    /** Names the property {@code samverkan.rest.resource} (DS 1.4 component property type). */
    String PREFIX_ = "samverkan.";

    /** The service property the REST server looks for. */
    String PROPERTY = "samverkan.rest.resource";
}
