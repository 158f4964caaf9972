package se.samverkan.persistence.internal;

import java.util.List;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import se.samverkan.api.model.Organisation;
import se.samverkan.api.security.Scope;
import se.samverkan.api.security.Scopes;
import se.samverkan.api.service.OrganisationService;
import se.samverkan.api.service.ValidationException.FieldError;
import se.samverkan.api.validation.OrganisationNumber;
import se.samverkan.api.validation.Validation;

@Component(service = OrganisationService.class)
public class OrganisationServiceImpl extends JpaEntityService<Organisation, OrganisationEntity>
        implements OrganisationService {

    @Activate
    public OrganisationServiceImpl(@Reference(target = Units.SAMVERKAN) JpaTemplate jpa, @Reference Schema schema) {
        super(OrganisationEntity.class, "id", jpa, schema);
    }

    @Override
    protected String idOf(Organisation o) {
        return o.id();
    }

    @Override
    protected Organisation toRecord(OrganisationEntity e) {
        return new Organisation(e.id, e.name, e.kind, e.organisationNumber, copyOf(e.municipalityCodes));
    }

    @Override
    protected OrganisationEntity newEntity(String id) {
        OrganisationEntity e = new OrganisationEntity();
        e.id = id;
        return e;
    }

    @Override
    protected void copy(Organisation o, OrganisationEntity e) {
        e.name = o.name();
        e.kind = o.kind();
        e.organisationNumber = o.organisationNumber() == null || o.organisationNumber().isBlank()
                ? null : OrganisationNumber.normalise(o.organisationNumber());
        replace(e.municipalityCodes, o.municipalityCodes());
    }

    @Override
    protected void validate(Organisation o) {
        Validation.validate(o);
    }

    @Override
    protected Scope scope(Organisation o) {
        return Scopes.of(o);
    }

    @Override
    protected void checkReferences(EntityManager em, Organisation o, List<FieldError> errors) {
        requireAll(em, MunicipalityEntity.class, "municipality", "municipalityCodes", o.municipalityCodes(), errors);
    }
}
