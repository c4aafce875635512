package com.segments.bootstrap;

import com.segments.domain.access.ApiKeyRepository;
import com.segments.domain.access.KeyHasher;
import com.segments.domain.audit.AuditLog;
import com.segments.domain.job.JobRepository;
import com.segments.domain.model.ModelRepository;
import com.segments.domain.profile.SegmentCatalog;
import com.segments.domain.score.InDatabaseScoring;
import com.segments.domain.table.DatabaseTables;
import com.segments.domain.transaction.CustomerProfileStore;
import com.segments.domain.transaction.TransactionStore;
import io.micronaut.context.ApplicationContext;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.function.Supplier;

/** Where the wiring's storage ports and configuration come from. */
final class Ports {

    private Ports() {
    }

    /** From a running application context (the server). */
    static Wiring.Ports of(ApplicationContext context) {
        return new Wiring.Ports() {
            @Override
            public ModelRepository models() {
                return context.getBean(ModelRepository.class);
            }

            @Override
            public JobRepository jobs() {
                return context.getBean(JobRepository.class);
            }

            @Override
            public SegmentCatalog catalog() {
                return context.getBean(SegmentCatalog.class);
            }

            @Override
            public TransactionStore transactions() {
                return context.getBean(TransactionStore.class);
            }

            @Override
            public CustomerProfileStore profiles() {
                return context.getBean(CustomerProfileStore.class);
            }

            @Override
            public DatabaseTables tables() {
                return context.getBean(DatabaseTables.class);
            }

            @Override
            public ApiKeyRepository apiKeys() {
                return context.getBean(ApiKeyRepository.class);
            }

            @Override
            public KeyHasher keyHasher() {
                return context.getBean(KeyHasher.class);
            }

            @Override
            public AuditLog audit() {
                return context.getBean(AuditLog.class);
            }

            @Override
            public InDatabaseScoring scoring() {
                return context.getBean(InDatabaseScoring.class);
            }

            @Override
            public String property(String name, String fallback) {
                return context.getProperty(name, String.class).orElse(fallback);
            }
        };
    }

    /**
     * Ports whose database is opened when a method of one is first called: a command that never stores or reads a
     * model (generate, profiles of a file, compare, algorithms) never opens it.
     */
    static Wiring.Ports lazy(Supplier<ApplicationContext> context) {
        return new Wiring.Ports() {
            @Override
            public ModelRepository models() {
                return proxy(ModelRepository.class, context);
            }

            @Override
            public JobRepository jobs() {
                return proxy(JobRepository.class, context);
            }

            @Override
            public SegmentCatalog catalog() {
                return proxy(SegmentCatalog.class, context);
            }

            @Override
            public TransactionStore transactions() {
                return proxy(TransactionStore.class, context);
            }

            @Override
            public CustomerProfileStore profiles() {
                return proxy(CustomerProfileStore.class, context);
            }

            @Override
            public DatabaseTables tables() {
                return proxy(DatabaseTables.class, context);
            }

            @Override
            public ApiKeyRepository apiKeys() {
                return proxy(ApiKeyRepository.class, context);
            }

            @Override
            public KeyHasher keyHasher() {
                return proxy(KeyHasher.class, context);
            }

            @Override
            public AuditLog audit() {
                return proxy(AuditLog.class, context);
            }

            @Override
            public InDatabaseScoring scoring() {
                return proxy(InDatabaseScoring.class, context);
            }

            @Override
            public String property(String name, String fallback) {
                return context.get().getProperty(name, String.class).orElse(fallback);
            }
        };
    }

    /** A port that finds its bean in the context on every call (starting the context on the first). */
    private static <T> T proxy(Class<T> port, Supplier<ApplicationContext> context) {
        Object proxy = Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (self, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> self == args[0];
                    case "hashCode" -> System.identityHashCode(self);
                    default -> "lazy " + port.getSimpleName();
                };
            }
            try {
                return method.invoke(context.get().getBean(port), args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
        return port.cast(proxy);
    }
}
