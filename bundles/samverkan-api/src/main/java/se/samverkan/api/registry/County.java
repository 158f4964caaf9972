package se.samverkan.api.registry;

/** A county (län) as SCB lists it: two-digit code, e.g. "14", and name, e.g. "Västra Götalands län". */
public record County(String code, String name) {
}
