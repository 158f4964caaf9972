package se.samverkan.api.model;

public enum OrganisationKind {
    MUNICIPAL_UNIT,
    ASSOCIATION,
    /** Studieförbund, e.g. ABF or Studieförbundet Vuxenskolan. */
    STUDY_ASSOCIATION,
    FAITH_COMMUNITY,
    NGO,
    REGION,
    UNIVERSITY,
    FOLK_HIGH_SCHOOL,
    COMPANY,
    GOVERNMENT_AGENCY
}
