package se.samverkan.api.model;

public enum FocusArea { WORK, EDUCATION, CIVIC_INFORMATION, CHILD_PERSPECTIVE, HEALTH, SOCIAL }
