package com.segments.bootstrap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import org.junit.jupiter.api.Test;

import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;

/** The product's logging, as a user gets it without a logback XML file. */
class LoggingSetupTest {

    @Test
    void warningsGoToStandardErrorThePoolIsSilentAndTheAuditLogs() {
        LoggerContext context = new LoggerContext();
        LoggingSetup setup = new LoggingSetup();
        setup.setContext(context);

        assertThat(setup.configure(context)).isEqualTo(Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertThat(root.getLevel()).isEqualTo(Level.WARN);
        assertThat(context.getLogger("io.micronaut.context").isInfoEnabled()).isFalse();
        assertThat(context.getLogger("io.micronaut.context").isWarnEnabled()).isTrue();
        assertThat(context.getLogger("com.zaxxer.hikari.pool.HikariPool").isErrorEnabled()).isFalse();
        assertThat(context.getLogger("segments.audit").isInfoEnabled()).isTrue();
        ConsoleAppender<ILoggingEvent> appender = (ConsoleAppender<ILoggingEvent>) root.getAppender("STDERR");
        assertThat(appender.getTarget()).isEqualTo("System.err");
        assertThat(appender.isStarted()).isTrue();
        assertThat(((PatternLayoutEncoder) appender.getEncoder()).getPattern()).isEqualTo(LoggingSetup.PATTERN);
    }

    @Test
    void logbackFindsItAsAConfigurator() {
        assertThat(ServiceLoader.load(Configurator.class).stream().map(ServiceLoader.Provider::type))
                .contains(LoggingSetup.class);
    }
}
