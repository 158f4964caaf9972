package se.samverkan.registries.internal;

import java.util.logging.Level;
import java.util.logging.Logger;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import se.samverkan.api.registry.MunicipalityCatalogue;
import se.samverkan.api.registry.MunicipalityList;

/**
 * The municipality list in force: the one the municipality registry stored last, or the shipped one. Taken by
 * every service that checks a municipality code, so a refresh is in force for all of them at once.
 */
@Component(service = {MunicipalityCatalogue.class, MunicipalityCatalogueImpl.class})
public class MunicipalityCatalogueImpl implements MunicipalityCatalogue {

    private volatile MunicipalityList current = MunicipalityList.shipped();

    /** A stored list that cannot be read back must not take the registries down: the shipped list stays. */
    @Activate
    public MunicipalityCatalogueImpl(@Reference RegistryStore store) {
        try {
            store.municipalityList().ifPresent(list -> current = list);
        } catch (RuntimeException e) {
            Logger.getLogger(MunicipalityCatalogueImpl.class.getName()).log(Level.SEVERE,
                    "The stored municipality list cannot be used; the shipped list is in force", e);
        }
    }

    @Override
    public MunicipalityList current() {
        return current;
    }

    /** Puts a list the registry has stored in force. */
    void use(MunicipalityList list) {
        current = list;
    }
}
