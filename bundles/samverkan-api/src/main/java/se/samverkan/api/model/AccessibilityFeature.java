package se.samverkan.api.model;

public enum AccessibilityFeature {
    WHEELCHAIR_ACCESS,
    /** Hörslinga. */
    HEARING_LOOP,
    LIGHTING_ADAPTED,
    ALLERGY_ADAPTED
}
