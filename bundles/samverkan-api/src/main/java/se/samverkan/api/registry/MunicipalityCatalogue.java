package se.samverkan.api.registry;

/**
 * The municipality list in force: SCB's list as shipped, or the municipality registry's refresh of it. The
 * registries own it; a platform without them uses {@link #SHIPPED}.
 */
public interface MunicipalityCatalogue {

    MunicipalityCatalogue SHIPPED = MunicipalityList::shipped;

    MunicipalityList current();
}
