package se.samverkan.persistence.internal;

import java.util.List;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import se.samverkan.api.model.Venue;
import se.samverkan.api.security.Scope;
import se.samverkan.api.security.Scopes;
import se.samverkan.api.service.ValidationException.FieldError;
import se.samverkan.api.service.VenueService;
import se.samverkan.api.validation.Validation;

@Component(service = VenueService.class)
public class VenueServiceImpl extends JpaEntityService<Venue, VenueEntity> implements VenueService {

    @Activate
    public VenueServiceImpl(@Reference(target = Units.SAMVERKAN) JpaTemplate jpa, @Reference Schema schema) {
        super(VenueEntity.class, "id", jpa, schema);
    }

    @Override
    protected String idOf(Venue v) {
        return v.id();
    }

    @Override
    protected Venue toRecord(VenueEntity e) {
        return new Venue(e.id, e.name, e.address, e.municipalityCode, copyOf(e.accessibility));
    }

    @Override
    protected VenueEntity newEntity(String id) {
        VenueEntity e = new VenueEntity();
        e.id = id;
        return e;
    }

    @Override
    protected void copy(Venue v, VenueEntity e) {
        e.name = v.name();
        e.address = v.address();
        e.municipalityCode = v.municipalityCode();
        replace(e.accessibility, v.accessibility());
    }

    @Override
    protected void validate(Venue v) {
        Validation.validate(v);
    }

    @Override
    protected Scope scope(Venue v) {
        return Scopes.of(v);
    }

    @Override
    protected void checkReferences(EntityManager em, Venue v, List<FieldError> errors) {
        require(em, MunicipalityEntity.class, "municipality", "municipalityCode", v.municipalityCode(), errors);
    }
}
