package se.samverkan.api.model;

public enum ActivityCategory {
    SWEDISH_LANGUAGE_PRACTICE,
    CV_WRITING,
    COMPUTER_COURSE,
    DRIVING_LICENCE_THEORY,
    SWIMMING,
    CYCLING,
    /** Jobbletargrupp. */
    JOB_SEEKER_GROUP,
    /** Samhällsinformation. */
    CIVIC_INFORMATION,
    PARENT_SUPPORT,
    CULTURE_MEETING,
    HEALTH,
    LECTURE,
    OTHER
}
