package se.samverkan.api.service;

public class AccessDeniedException extends SamverkanException {

    public AccessDeniedException(String message) {
        super(message);
    }

    @Override
    public int status() {
        return 403;
    }

    @Override
    public String title() {
        return "Forbidden";
    }
}
