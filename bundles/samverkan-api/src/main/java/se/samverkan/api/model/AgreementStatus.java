package se.samverkan.api.model;

import java.util.Set;

/** Lifecycle of an agreement: draft → active → ended, or a draft abandoned straight to ended. */
public enum AgreementStatus {
    DRAFT, ACTIVE, ENDED;

    /** The statuses this one may move to; staying in the same status is always allowed. */
    public Set<AgreementStatus> next() {
        return switch (this) {
            case DRAFT -> Set.of(ACTIVE, ENDED);
            case ACTIVE -> Set.of(ENDED);
            case ENDED -> Set.of();
        };
    }

    public boolean canMoveTo(AgreementStatus target) {
        return target == this || next().contains(target);
    }
}
