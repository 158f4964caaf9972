package se.samverkan.persistence.internal;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import se.samverkan.api.model.OutcomeTarget;
import se.samverkan.api.model.OutcomeTarget.Outcome;
import se.samverkan.api.model.Period;
import se.samverkan.api.model.Programme;
import se.samverkan.api.security.AccessPolicy;
import se.samverkan.api.service.ProgrammeService;
import se.samverkan.api.service.ValidationException.FieldError;
import se.samverkan.api.validation.Validation;

@Component(service = ProgrammeService.class)
public class ProgrammeServiceImpl extends JpaEntityService<Programme, ProgrammeEntity> implements ProgrammeService {

    @Activate
    public ProgrammeServiceImpl(@Reference(target = Units.SAMVERKAN) JpaTemplate jpa, @Reference Contributions contributions) {
        super(new Kind<Programme, ProgrammeEntity>(ProgrammeEntity.class, "id", Programme::id,
                ProgrammeEntity::new, Validation::validate, AccessPolicy::programme), jpa, contributions);
    }

    @Override
    protected Programme toRecord(ProgrammeEntity e) {
        List<OutcomeTarget> targets = e.targets.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(t -> new OutcomeTarget(t.getKey(), t.getValue())).toList();
        return new Programme(e.id, e.name, e.ownerId, e.funderId, copyOf(e.municipalityCodes),
                new Period(e.startDate, e.endDate), e.budgetSek, targets);
    }

    @Override
    protected void copy(Programme p, ProgrammeEntity e) {
        e.name = p.name();
        e.ownerId = p.ownerId();
        e.funderId = p.funderId();
        e.startDate = p.period() == null ? null : p.period().start();
        e.endDate = p.period() == null ? null : p.period().end();
        e.budgetSek = p.budgetSek();
        replace(e.municipalityCodes, p.municipalityCodes());
        Map<Outcome, BigDecimal> targets = new EnumMap<>(Outcome.class);
        if (p.targets() != null) {
            p.targets().forEach(t -> targets.put(t.outcome(), t.changePercent()));
        }
        replace(e.targets, targets);
    }

    @Override
    protected void checkReferences(EntityManager em, Programme p, List<FieldError> errors) {
        require(em, OrganisationEntity.class, "organisation", "ownerId", p.ownerId(), errors);
        require(em, OrganisationEntity.class, "organisation", "funderId", p.funderId(), errors);
        requireAll(em, MunicipalityEntity.class, "municipality", "municipalityCodes", p.municipalityCodes(), errors);
    }
}
