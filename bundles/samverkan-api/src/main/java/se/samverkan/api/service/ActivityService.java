package se.samverkan.api.service;

import se.samverkan.api.model.Activity;

public interface ActivityService extends EntityService<Activity> {

    /** Public search: only activities of active municipalities, ordered by id. */
    Page<Activity> search(ActivityQuery query);

    @Override
    default String kind() {
        return "activity";
    }
}
