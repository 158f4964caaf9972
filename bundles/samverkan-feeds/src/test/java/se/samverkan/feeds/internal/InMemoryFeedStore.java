package se.samverkan.feeds.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import se.samverkan.routes.ActivityUpsert.Known;

/** The feed bookkeeping as maps, for tests of imports; synchronized, since a feed records on a second thread. */
public final class InMemoryFeedStore implements FeedStore {

    private final Map<String, State> states = new HashMap<>();
    private final Map<String, Map<String, Known>> events = new HashMap<>();

    @Override
    public synchronized Optional<State> state(String feedId) {
        return Optional.ofNullable(states.get(feedId));
    }

    @Override
    public synchronized void saveState(State state) {
        states.put(state.feedId(), state);
    }

    @Override
    public synchronized Map<String, Known> events(String feedId) {
        return new HashMap<>(events.getOrDefault(feedId, Map.of()));
    }

    @Override
    public synchronized int countEvents(String feedId) {
        return (int) events.getOrDefault(feedId, Map.of()).values().stream().filter(e -> !e.gone()).count();
    }

    @Override
    public synchronized void saveEvents(String feedId, Collection<Known> saved) {
        saved.forEach(event -> events.computeIfAbsent(feedId, f -> new HashMap<>()).put(event.key(), event));
    }
}
