package se.samverkan.rest.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** etc/se.samverkan.rest.cfg */
@ObjectClassDefinition(name = "Samverkan REST API")
public @interface RestConfig {

    @AttributeDefinition(description = "Address below the CXF servlet context (org.apache.cxf.osgi.cfg, /api)")
    String address() default "/v1";

    @AttributeDefinition(description = "JAAS realm that checks user names and passwords")
    String realm() default "karaf";

    @AttributeDefinition(description = "Largest request body accepted, in bytes; larger ones are answered 413")
    long maxBodyBytes() default 1_048_576;
}
