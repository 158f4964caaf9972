/**
 * What a plugin author may rely on: {@link se.samverkan.plugins.ContributionFile}, the reader of contribution
 * files. How plugins are found and applied is internal.
 */
package se.samverkan.plugins;
