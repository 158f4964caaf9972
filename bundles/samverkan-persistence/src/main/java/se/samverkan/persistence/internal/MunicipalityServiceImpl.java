package se.samverkan.persistence.internal;

import java.util.List;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import se.samverkan.api.model.Municipality;
import se.samverkan.api.registry.MunicipalityCatalogue;
import se.samverkan.api.security.AccessPolicy;
import se.samverkan.api.service.MunicipalityService;
import se.samverkan.api.service.ValidationException.FieldError;
import se.samverkan.api.validation.MunicipalityCode;
import se.samverkan.api.validation.Validation;

@Component(service = MunicipalityService.class)
public class MunicipalityServiceImpl extends JpaEntityService<Municipality, MunicipalityEntity>
        implements MunicipalityService {

    private final SearchIndex index;
    /** The registries' list in force; the shipped list without them. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile MunicipalityCatalogue catalogue;

    @Activate
    public MunicipalityServiceImpl(@Reference(target = Units.SAMVERKAN) JpaTemplate jpa, @Reference Contributions contributions,
                                   @Reference SearchIndex index) {
        super(new Kind<Municipality, MunicipalityEntity>(MunicipalityEntity.class, "code", Municipality::code,
                MunicipalityEntity::new, Validation::validate, AccessPolicy::municipality), jpa, contributions);
        this.index = index;
    }

    /** A municipality record is one of SCB's list in force. */
    @Override
    protected void checkReferences(EntityManager em, Municipality m, List<FieldError> errors) {
        MunicipalityCatalogue inForce = catalogue;
        MunicipalityCode.problem(m.code(), (inForce == null ? MunicipalityCatalogue.SHIPPED : inForce).current())
                .ifPresent(problem -> errors.add(new FieldError("code", problem)));
    }

    /** Search hides the activities of inactive municipalities. */
    @Override
    protected void committed(String id, Municipality saved) {
        if (saved == null) {
            index.removeMunicipality(id);
        } else {
            index.put(saved);
        }
    }

    @Override
    protected Municipality toRecord(MunicipalityEntity e) {
        return new Municipality(e.code, e.name, e.county, e.subRegion, e.active, e.languages, e.settings);
    }

    @Override
    protected void copy(Municipality m, MunicipalityEntity e) {
        e.name = m.name();
        e.county = m.county();
        e.subRegion = m.subRegion();
        e.active = m.active();
        if (!e.languages.equals(m.languages())) {
            e.languages.clear();
            e.languages.addAll(m.languages());
        }
        replace(e.settings, m.settings());
    }
}
