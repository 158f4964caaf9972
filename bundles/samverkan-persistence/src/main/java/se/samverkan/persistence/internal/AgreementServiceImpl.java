package se.samverkan.persistence.internal;

import java.util.List;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import se.samverkan.api.model.Agreement;
import se.samverkan.api.model.Period;
import se.samverkan.api.security.AccessPolicy;
import se.samverkan.api.service.AgreementService;
import se.samverkan.api.service.ValidationException;
import se.samverkan.api.service.ValidationException.FieldError;
import se.samverkan.api.validation.Validation;

@Component(service = AgreementService.class)
public class AgreementServiceImpl extends JpaEntityService<Agreement, AgreementEntity> implements AgreementService {

    @Activate
    public AgreementServiceImpl(@Reference(target = Units.SAMVERKAN) JpaTemplate jpa, @Reference Contributions contributions) {
        super(new Kind<Agreement, AgreementEntity>(AgreementEntity.class, "id", Agreement::id,
                AgreementEntity::new, Validation::validate, AccessPolicy::agreement), jpa, contributions);
    }

    @Override
    protected Agreement toRecord(AgreementEntity e) {
        return new Agreement(e.id, e.title, e.kind, copyOf(e.organisationIds), copyOf(e.municipalityCodes),
                e.purpose, new Period(e.startDate, e.endDate), e.budgetSek, e.funderId, e.status);
    }

    @Override
    protected void copy(Agreement a, AgreementEntity e) {
        e.title = a.title();
        e.kind = a.kind();
        e.purpose = a.purpose();
        e.startDate = a.period() == null ? null : a.period().start();
        e.endDate = a.period() == null ? null : a.period().end();
        e.budgetSek = a.budgetSek();
        e.funderId = a.funderId();
        e.status = a.status();
        replace(e.organisationIds, a.organisationIds());
        replace(e.municipalityCodes, a.municipalityCodes());
    }

    @Override
    protected void checkChange(Agreement stored, Agreement updated) {
        if (!stored.status().canMoveTo(updated.status())) {
            throw new ValidationException("status", "an agreement cannot go from " + stored.status() + " to "
                    + updated.status() + "; allowed: " + stored.status().next());
        }
    }

    @Override
    protected void checkReferences(EntityManager em, Agreement a, List<FieldError> errors) {
        requireAll(em, OrganisationEntity.class, "organisation", "organisationIds", a.organisationIds(), errors);
        requireAll(em, MunicipalityEntity.class, "municipality", "municipalityCodes", a.municipalityCodes(), errors);
        require(em, OrganisationEntity.class, "organisation", "funderId", a.funderId(), errors);
    }
}
