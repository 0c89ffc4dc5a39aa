package io.itsmhub.core.outbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * Every event record of the hub by its stable {@link EventName}, found once on the class path, and the way back from
 * a stored event to its record. Two records with one name fail the start (and a test), so a copy-paste cannot send
 * one feature's events to another's subscribers.
 */
@Component
public class EventTypes {

    static final String BASE_PACKAGE = "io.itsmhub";

    private final Map<String, Class<? extends Record>> byName;
    private final ObjectMapper json;

    public EventTypes(ObjectMapper json) {
        this.json = json;
        this.byName = scan();
    }

    /** The record class stored under {@code name}. */
    public Class<? extends Record> type(String name) {
        Class<? extends Record> type = byName.get(name);
        if (type == null) {
            throw new IllegalArgumentException("no event record is named " + name);
        }
        return type;
    }

    public boolean exists(String name) {
        return byName.containsKey(name);
    }

    public Map<String, Class<? extends Record>> all() {
        return byName;
    }

    /** The stored event {@code payload} of type {@code name} as its record. */
    public Record read(String name, String payload) {
        try {
            return json.readValue(payload, type(name));
        } catch (IOException e) {
            throw new UncheckedIOException("event " + name + " cannot be read as " + type(name).getSimpleName(), e);
        }
    }

    public Record read(OutboxEvent event) {
        return read(event.type(), event.payload());
    }

    /** The stored name of {@code type}; a record without {@link EventName} cannot be published. */
    public static String nameOf(Class<?> type) {
        EventName name = type.getAnnotation(EventName.class);
        if (name == null || name.value().isBlank()) {
            throw new IllegalArgumentException(type.getName() + " is not an event: it has no @EventName");
        }
        return name.value();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Class<? extends Record>> scan() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return definition.getMetadata().isIndependent();
            }
        };
        scanner.addIncludeFilter(new AnnotationTypeFilter(EventName.class));
        Map<String, Class<? extends Record>> found = new TreeMap<>();
        for (var candidate : scanner.findCandidateComponents(BASE_PACKAGE)) {
            Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(), EventTypes.class.getClassLoader());
            if (!type.isRecord()) {
                throw new IllegalStateException(type.getName() + " has an @EventName but is not a record");
            }
            Class<?> other = found.put(nameOf(type), (Class<? extends Record>) type);
            if (other != null) {
                throw new IllegalStateException("two events are named " + nameOf(type) + ": " + other.getName()
                        + " and " + type.getName());
            }
        }
        return Map.copyOf(found);
    }
}
