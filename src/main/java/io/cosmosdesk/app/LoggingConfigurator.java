package io.cosmosdesk.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.util.FileSize;
import io.cosmosdesk.files.PrivateFiles;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Logging set up in code rather than logback.xml: parsing XML costs start-up time before the first
 * window. A rolling file in the per-user log folder ({@link AppDirectories}) gets INFO and up; the
 * console only our own warnings. The SDK's long diagnostics go to the file only. No log line ever
 * carries a key or token (see {@code Secrets}).
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class LoggingConfigurator extends ContextAwareBase implements Configurator {

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        Path logsFolder = AppDirectories.detect().logs();
        prepareFolder(logsFolder);
        String logs = logsFolder.toString();

        PatternLayoutEncoder fileEncoder = encoder(context, "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n");
        RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
        file.setContext(context);
        file.setName("FILE");
        file.setFile(logs + "/cosmosdesk.log");
        file.setEncoder(fileEncoder);
        SizeAndTimeBasedRollingPolicy<ILoggingEvent> rolling = new SizeAndTimeBasedRollingPolicy<>();
        rolling.setContext(context);
        rolling.setParent(file);
        rolling.setFileNamePattern(logs + "/cosmosdesk.%d{yyyy-MM-dd}.%i.log");
        rolling.setMaxFileSize(FileSize.valueOf("10MB"));
        rolling.setMaxHistory(14);
        rolling.setTotalSizeCap(FileSize.valueOf("100MB"));
        rolling.start();
        file.setRollingPolicy(rolling);
        file.start();
        restrictQuietly(Path.of(file.getFile()));

        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("CONSOLE");
        // never stdout: command-line commands print their data there (CosmosDesk schema > schema.json)
        console.setTarget("System.err");
        console.setEncoder(encoder(context, "%d{HH:mm:ss.SSS} %-5level %logger{36} - %msg%n"));
        ThresholdFilter warnings = new ThresholdFilter();
        warnings.setLevel("WARN");
        warnings.start();
        console.addFilter(warnings);
        console.start();

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(file);
        root.addAppender(console);
        context.getLogger("io.cosmosdesk").setLevel(Level.INFO);
        for (String chatty : new String[] {"com.azure", "io.netty", "reactor"}) {
            Logger logger = context.getLogger(chatty);
            logger.setLevel(Level.WARN);
            logger.setAdditive(false);
            logger.addAppender(file);
        }
        // logs every per-operation bulk answer other than success (404, 409, 412) at ERROR; the mover handles
        // and reports each one, so these lines would only alarm
        context.getLogger("com.azure.cosmos.implementation.batch.BulkExecutor").setLevel(Level.OFF);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /**
     * Logs name items, containers and accounts: the folder is the user's alone (0700) and log files left readable
     * by others by an earlier version are narrowed (0600). Files logback makes later (a roll-over) get the umask's
     * permissions inside this folder, which no one else can enter.
     */
    static void prepareFolder(Path folder) {
        try {
            PrivateFiles.createFolder(folder);
            try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.log")) {
                for (Path log : files) {
                    PrivateFiles.restrict(log);
                }
            }
        } catch (IOException e) {
            // logging is not set up yet: say it where it can be seen
            System.err.println("CosmosDesk: could not make the log folder " + folder + " private: " + e);
        }
    }

    private static void restrictQuietly(Path file) {
        try {
            PrivateFiles.restrict(file);
        } catch (IOException e) {
            System.err.println("CosmosDesk: could not make the log file " + file + " private: " + e);
        }
    }

    private static PatternLayoutEncoder encoder(LoggerContext context, String pattern) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(pattern);
        encoder.start();
        return encoder;
    }
}
