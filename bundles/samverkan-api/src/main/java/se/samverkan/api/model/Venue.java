package se.samverkan.api.model;

import java.util.Set;

public record Venue(String id, String name, String address, String municipalityCode,
                    Set<AccessibilityFeature> accessibility) {
}
