package se.samverkan.persistence.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import se.samverkan.persistence.spi.RecordHook;

/** The {@link RecordHook}s other bundles publish, called by the record services inside each write. */
@Component(service = RecordHooks.class)
public class RecordHooks {


    private final List<RecordHook<?>> hooks = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void add(RecordHook<?> hook) {
        hooks.add(hook);
    }

    public void remove(RecordHook<?> hook) {
        hooks.remove(hook);
    }

    @SuppressWarnings("unchecked")
    <R> void written(Class<R> type, RecordHook.Rows rows, R before, R after) {
        for (RecordHook<?> hook : hooks) {
            if (hook.recordType() == type) {
                ((RecordHook<R>) hook).written(rows, before, after);
            }
        }
    }
}
