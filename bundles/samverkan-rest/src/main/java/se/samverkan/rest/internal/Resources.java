package se.samverkan.rest.internal;

import java.util.List;
import java.util.function.Function;

import javax.ws.rs.GET;
import javax.ws.rs.Path;

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
        public List<T> list() {
            return service.list();
        }
    }

    @Path("municipalities")
    public static class Municipalities extends Listed<Municipality> {
        public Municipalities(MunicipalityService service) {
            super(service, Municipality::code);
        }
    }

    @Path("organisations")
    public static class Organisations extends Listed<Organisation> {
        public Organisations(OrganisationService service) {
            super(service, Organisation::id);
        }
    }

    @Path("agreements")
    public static class Agreements extends Listed<Agreement> {
        public Agreements(AgreementService service) {
            super(service, Agreement::id);
        }
    }

    @Path("programmes")
    public static class Programmes extends Listed<Programme> {
        public Programmes(ProgrammeService service) {
            super(service, Programme::id);
        }
    }

    @Path("venues")
    public static class Venues extends Listed<Venue> {
        public Venues(VenueService service) {
            super(service, Venue::id);
        }
    }
}
