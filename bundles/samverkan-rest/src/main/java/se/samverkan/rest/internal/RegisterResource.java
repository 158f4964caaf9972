package se.samverkan.rest.internal;

import java.util.Collection;
import java.util.List;

import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import se.samverkan.api.registry.County;
import se.samverkan.api.registry.ListedMunicipality;
import se.samverkan.api.registry.MunicipalityCatalogue;
import se.samverkan.api.registry.MunicipalityList;
import se.samverkan.api.registry.OrganisationRegister;
import se.samverkan.api.registry.RegisterOrganisation;
import se.samverkan.api.service.ActivityQuery;
import se.samverkan.api.service.NotFoundException;
import se.samverkan.api.service.Page;
import se.samverkan.api.service.ValidationException;
import se.samverkan.api.validation.OrganisationNumber;

/** The reference registers, read-only and public: SCB's municipality list in force, the organisation register. */
@Path("registry")
@Produces(MediaType.APPLICATION_JSON)
public class RegisterResource {

    /** The municipality list in force and where it came from. */
    public record Municipalities(String source, Collection<County> counties, Collection<ListedMunicipality> municipalities) {
    }

    private final OrganisationRegister register;
    private final MunicipalityCatalogue catalogue;

    public RegisterResource(OrganisationRegister register, MunicipalityCatalogue catalogue) {
        this.register = register;
        this.catalogue = catalogue;
    }

    @GET
    @Path("municipalities")
    public Municipalities municipalities() {
        MunicipalityList list = catalogue.current();
        return new Municipalities(list.source(), list.counties(), list.municipalities());
    }

    /** Search, paged: {@code q} words the name must contain, {@code municipality} an SCB code. */
    @GET
    @Path("organisations")
    public Page<RegisterOrganisation> organisations(@QueryParam("q") String text,
                                                    @QueryParam("municipality") String municipality,
                                                    @QueryParam("offset") @DefaultValue("0") String offset,
                                                    @QueryParam("limit") @DefaultValue("20") String limit) {
        int from = Params.integer("offset", offset);
        int size = Params.integer("limit", limit);
        if (from < 0) {
            throw new ValidationException("offset", "must not be negative");
        }
        if (size < 1 || size > ActivityQuery.MAX_LIMIT) {
            throw new ValidationException("limit", "must be between 1 and " + ActivityQuery.MAX_LIMIT);
        }
        List<RegisterOrganisation> found = register.search(blankToNull(text), blankToNull(municipality), from, size + 1);
        return new Page<>(found.subList(0, Math.min(size, found.size())), from, size, found.size() > size);
    }

    @GET
    @Path("organisations/{number}")
    public RegisterOrganisation organisation(@PathParam("number") String number) {
        String key = OrganisationNumber.isValid(number) ? OrganisationNumber.normalise(number) : number;
        return register.find(key).orElseThrow(() -> new NotFoundException("organisation in the register", number));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
