package se.samverkan.persistence.internal;

import java.util.List;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import se.samverkan.api.model.Venue;
import se.samverkan.api.security.AccessPolicy;
import se.samverkan.api.service.ValidationException.FieldError;
import se.samverkan.api.service.VenueService;
import se.samverkan.api.validation.Validation;

@Component(service = VenueService.class)
public class VenueServiceImpl extends JpaEntityService<Venue, VenueEntity> implements VenueService {

    private final SearchIndex index;

    @Activate
    public VenueServiceImpl(@Reference(target = Units.SAMVERKAN) JpaTemplate jpa, @Reference Contributions contributions,
                                   @Reference SearchIndex index) {
        super(new Kind<Venue, VenueEntity>(VenueEntity.class, "id", Venue::id,
                VenueEntity::new, Validation::validate, AccessPolicy::venue), jpa, contributions);
        this.index = index;
    }

    /** Search filters on venue accessibility. */
    @Override
    protected void committed(String id, Venue saved) {
        if (saved == null) {
            index.removeVenue(id);
        } else {
            index.put(saved);
        }
    }

    @Override
    protected Venue toRecord(VenueEntity e) {
        return new Venue(e.id, e.name, e.address, e.municipalityCode, copyOf(e.accessibility));
    }

    @Override
    protected void copy(Venue v, VenueEntity e) {
        e.name = v.name();
        e.address = v.address();
        e.municipalityCode = v.municipalityCode();
        replace(e.accessibility, v.accessibility());
    }

    @Override
    protected void checkReferences(EntityManager em, Venue v, List<FieldError> errors) {
        require(em, MunicipalityEntity.class, "municipality", "municipalityCode", v.municipalityCode(), errors);
    }
}
