package se.samverkan.api.model;

public enum OccurrenceStatus { SCHEDULED, CANCELLED }
