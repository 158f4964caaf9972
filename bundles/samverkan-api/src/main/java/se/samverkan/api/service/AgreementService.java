package se.samverkan.api.service;

import se.samverkan.api.model.Agreement;

public interface AgreementService extends EntityService<Agreement> {

    @Override
    default String kind() {
        return "agreement";
    }
}
