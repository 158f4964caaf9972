/**
 * What a bundle needs to contribute REST resources under {@code /api/v1}: publish the resource object as a service
 * marked {@link se.samverkan.rest.spi.RestResource} (providers and exception mappers:
 * {@link se.samverkan.rest.spi.RestExtension}), and use the request's caller ({@link se.samverkan.rest.spi.CallerContext}),
 * problem+json answers ({@link se.samverkan.rest.spi.Problem}), query parameter parsing
 * ({@link se.samverkan.rest.spi.Params}) and versioned writes ({@link se.samverkan.rest.spi.CrudResource},
 * {@link se.samverkan.rest.spi.IfMatch}). Authentication, cross-site and HTTPS checks, rate limits, the body limit
 * and security headers apply to every contributed resource as to the platform's own.
 */
package se.samverkan.rest.spi;
