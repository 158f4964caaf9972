package se.samverkan.plugins.svorebro.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the course catalogue import, PID {@value CourseCatalogueRoute#PID}. */
@ObjectClassDefinition(name = "SV Örebro län: course catalogue import",
        description = "Reads the course catalogue files (*.csv) Studieförbundet Vuxenskolan Örebro län exports and "
                + "stores each course as an activity.")
@interface CatalogueImportConfig {

    @AttributeDefinition(description = "Folder the catalogue files are dropped into. Empty: "
            + "samverkan/inbox/sv-orebro in Karaf's data folder.")
    String inbox() default "";

    @AttributeDefinition(description = "Folder, inside the inbox, that imported files are moved to.")
    String doneFolder() default "done";

    @AttributeDefinition(description = "Folder, inside the inbox, that files with a bad row are moved to, with "
            + "a report naming each bad row and why.")
    String errorFolder() default "error";

    @AttributeDefinition(description = "The organisation that runs the courses.")
    String organiserId() default "sv-orebro-lan";

    @AttributeDefinition(description = "Put before a course id to make the activity id, so ids from several "
            + "course systems never meet.")
    String idPrefix() default "sv-orebro-";

    @AttributeDefinition(description = "How often the inbox is looked at, in milliseconds.")
    long pollMillis() default 2000;
}
