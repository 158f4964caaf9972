package se.samverkan.persistence.internal;

import java.util.List;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import se.samverkan.api.model.Organisation;
import se.samverkan.api.security.AccessPolicy;
import se.samverkan.api.service.OrganisationService;
import se.samverkan.api.service.ValidationException.FieldError;
import se.samverkan.api.validation.OrganisationNumber;
import se.samverkan.api.validation.Validation;

@Component(service = OrganisationService.class)
public class OrganisationServiceImpl extends JpaEntityService<Organisation, OrganisationEntity>
        implements OrganisationService {

    @Activate
    public OrganisationServiceImpl(@Reference(target = Units.SAMVERKAN) JpaTemplate jpa, @Reference Contributions contributions) {
        super(new Kind<Organisation, OrganisationEntity>(OrganisationEntity.class, "id", Organisation::id,
                OrganisationEntity::new, Validation::validate, AccessPolicy::organisation), jpa, contributions);
    }

    @Override
    protected Organisation toRecord(OrganisationEntity e) {
        return new Organisation(e.id, e.name, e.kind, e.organisationNumber, copyOf(e.municipalityCodes));
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
    protected void checkReferences(EntityManager em, Organisation o, List<FieldError> errors) {
        requireAll(em, MunicipalityEntity.class, "municipality", "municipalityCodes", o.municipalityCodes(), errors);
    }
}
