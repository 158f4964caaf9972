package se.samverkan.api.service;

public class NotFoundException extends SamverkanException {

    public NotFoundException(String kind, String id) {
        super("No " + kind + " with id '" + id + "'");
    }

    @Override
    public int status() {
        return 404;
    }

    @Override
    public String title() {
        return "Not found";
    }
}
