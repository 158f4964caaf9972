package se.samverkan.plugins.internal;

import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;

import se.samverkan.api.plugin.SamverkanPlugin;

/**
 * A plugin configured under the name its configuration had before release 0.2 ({@code se.samverkan.plugin-NAME.cfg}),
 * so that an installation's etc/ keeps working when carried over; new ones use {@link ConfiguredPlugin#PID}.
 */
// SamverkanPlugin named: by default DS takes the interfaces the class itself implements, and this one has none.
@Component(service = SamverkanPlugin.class, configurationPid = ConfiguredPlugin.FORMER_PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
public class ConfiguredPluginUnderFormerPid extends ConfiguredPlugin {

    @Activate
    public ConfiguredPluginUnderFormerPid(Map<String, Object> properties) {
        super(properties);
    }
}
