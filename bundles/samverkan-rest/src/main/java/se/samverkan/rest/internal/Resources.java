package se.samverkan.rest.internal;

import java.util.List;
import java.util.function.Function;

import javax.ws.rs.GET;
import javax.ws.rs.Path;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import se.samverkan.api.model.Agreement;
import se.samverkan.api.model.Municipality;
import se.samverkan.api.model.Organisation;
import se.samverkan.api.model.Programme;
import se.samverkan.api.model.Venue;
import se.samverkan.api.service.AgreementService;
import se.samverkan.api.service.EntityService;
import se.samverkan.api.service.MunicipalityService;
import se.samverkan.api.service.OrganisationService;
import se.samverkan.api.service.ProgrammeService;
import se.samverkan.api.service.VenueService;
import se.samverkan.rest.spi.CrudResource;
import se.samverkan.rest.spi.RestResource;

/** The plain record resources: {@link CrudResource} at a path, plus a list of all records. */
final class Resources {

    private Resources() {
    }

    /** Kinds with few records are listed whole, ordered by id. */
    public abstract static class Listed<T> extends CrudResource<T> {
        protected Listed(EntityService<T> service, Function<T, String> idOf) {
            super(service, idOf);
        }

        @GET
        @Operation(summary = "All records, ordered by id")
        public List<T> list() {
            return service.list();
        }
    }

    @Component(service = Municipalities.class)
    @RestResource
    @Path("municipalities")
    @Tag(name = "Municipality", description = "Municipalities (kommuner), by four-digit SCB code; inactive ones are hidden from public search")
    public static class Municipalities extends Listed<Municipality> {
        @Activate
        public Municipalities(@Reference MunicipalityService service) {
            super(service, Municipality::code);
        }
    }

    @Component(service = Organisations.class)
    @RestResource
    @Path("organisations")
    @Tag(name = "Organisation", description = "Partner organisations and public bodies")
    public static class Organisations extends Listed<Organisation> {
        @Activate
        public Organisations(@Reference OrganisationService service) {
            super(service, Organisation::id);
        }
    }

    @Component(service = Agreements.class)
    @RestResource
    @Path("agreements")
    @Tag(name = "Agreement", description = "Agreements between municipalities and partners: IOP, grants, ESF/AMIF projects")
    public static class Agreements extends Listed<Agreement> {
        @Activate
        public Agreements(@Reference AgreementService service) {
            super(service, Agreement::id);
        }
    }

    @Component(service = Programmes.class)
    @RestResource
    @Path("programmes")
    @Tag(name = "Programme", description = "Regional or inter-municipal programmes, e.g. ESF or AMIF funded projects with outcome targets")
    public static class Programmes extends Listed<Programme> {
        @Activate
        public Programmes(@Reference ProgrammeService service) {
            super(service, Programme::id);
        }
    }

    @Component(service = Venues.class)
    @RestResource
    @Path("venues")
    @Tag(name = "Venue", description = "Places where activities are held")
    public static class Venues extends Listed<Venue> {
        @Activate
        public Venues(@Reference VenueService service) {
            super(service, Venue::id);
        }
    }
}
