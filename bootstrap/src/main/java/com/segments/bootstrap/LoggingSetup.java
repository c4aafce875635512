package com.segments.bootstrap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * The product's logging, set up in code: the CLI's own output goes to stdout, library logging stays quiet on stderr
 * unless something is wrong (WARN); the connection pool, which logs each failed attempt with a stack trace while it
 * retries (another process is opening the embedded store, or its owner just died), is silent, since a command that
 * finally cannot connect says why in its own one-line error; the audit ({@code segments.audit}, docs/security.md)
 * logs one line per change made over HTTP and per refused key.
 * <p>
 * In code rather than a {@code logback.xml}: parsing the XML configuration (Joran: a SAX parser, reflection over the
 * appender classes) cost 0.35 to 0.5 s of every start on this machine, the largest single part of opening the
 * application context. It ranks below logback's own file configurator, so an explicit
 * {@code -Dlogback.configurationFile} or a {@code logback-test.xml} on the class path still wins.
 */
@ConfiguratorRank(ConfiguratorRank.FALLBACK)
public final class LoggingSetup extends ContextAwareBase implements Configurator {

    static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{36} - %msg%n";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setName("STDERR");
        appender.setTarget("System.err");
        appender.setEncoder(encoder);
        appender.start();
        context.getLogger("com.zaxxer.hikari").setLevel(Level.OFF);
        context.getLogger("segments.audit").setLevel(Level.INFO);
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(appender);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
