package se.samverkan.api.service;

import java.util.List;
import java.util.stream.Collectors;

/** Invalid input; names every offending field so a person can fix all of them at once. */
public class ValidationException extends SamverkanException {

    /** One invalid field, e.g. ("organisationNumber", "check digit does not match"). */
    public record FieldError(String field, String message) {
    }

    private final List<FieldError> errors;

    public ValidationException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    public ValidationException(List<FieldError> errors) {
        super(errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }

    @Override
    public int status() {
        return 400;
    }

    @Override
    public String title() {
        return "Invalid input";
    }
}
