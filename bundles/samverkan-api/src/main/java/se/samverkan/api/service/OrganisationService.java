package se.samverkan.api.service;

import se.samverkan.api.model.Organisation;

public interface OrganisationService extends EntityService<Organisation> {

    @Override
    default String kind() {
        return "organisation";
    }
}
