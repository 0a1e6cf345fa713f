package io.genops.exporters.otlp;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;

/**
 * The OTLP exporter's log in tests: kept at ERROR, since tests stop receivers on purpose and the
 * warnings that follow are expected, and captured where a test checks them.
 */
final class TestLogs implements AutoCloseable {
    private static final Logger LOGGER = (Logger)LoggerFactory.getLogger(OtlpExporter.LOGGER_NAME);

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private TestLogs() {
        appender.start();
        LOGGER.addAppender(appender);
        LOGGER.setLevel(Level.DEBUG);
        LOGGER.setAdditive(false);
    }

    static void quietExporterWarnings() {
        LOGGER.setLevel(Level.ERROR);
    }

    /** Captures what the exporter logs until closed. */
    static TestLogs capture() {
        return new TestLogs();
    }

    /** Each event as level and formatted message. */
    List<String> lines() {
        return appender.list.stream().map(event -> event.getLevel() + " " + event.getFormattedMessage())
            .collect(Collectors.toList());
    }

    @Override
    public void close() {
        LOGGER.detachAppender(appender);
        LOGGER.setAdditive(true);
        quietExporterWarnings();
    }
}
