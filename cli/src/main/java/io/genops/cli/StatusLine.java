package io.genops.cli;

import java.io.ByteArrayOutputStream;
import java.io.Console;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;

/**
 * A progress line at the foot of a terminal, redrawn in place. While it shows, whatever else goes to
 * stderr (log lines, the demo's delivered alerts, a replay's damaged records) passes above it: each
 * complete line wipes the status, prints, and draws the status again, so the two never run into each
 * other. The demo and {@code genops replay} use it.
 *
 * <p>It draws only on an interactive terminal. Redirected output, pipes and {@code --json} for a
 * program get no carriage returns or escape codes at all.
 */
public final class StatusLine implements AutoCloseable {
    /** Carriage return, then erase to the end of the line (ANSI). */
    private static final String WIPE = "\r\033[K";

    private final PrintStream terminal;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private String status = "";

    private StatusLine(final PrintStream terminal) {
        this.terminal = terminal;
    }

    /** A status line on stderr when {@code wanted} and stderr is a terminal; otherwise one that shows nothing. */
    public static StatusLine open(final boolean wanted) {
        if (!wanted || !interactive()) {
            return new StatusLine(null);
        }
        final StatusLine line = new StatusLine(System.err);
        System.setErr(new PrintStream(line.new PassAbove(), true));
        return line;
    }

    /**
     * Whether a person is watching. Before Java 22 a console exists only on a terminal; from 22 on
     * there is always one, and {@code isTerminal()} tells (called reflectively: we compile for 17).
     */
    private static boolean interactive() {
        final Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            final Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean)isTerminal.invoke(console);
        } catch (final NoSuchMethodException e) {
            return true;
        } catch (final ReflectiveOperationException e) {
            return false;
        }
    }

    /** Whether anything is drawn; when not, the caller can spare itself composing the text. */
    public boolean showing() {
        return terminal != null;
    }

    public synchronized void show(final String text) {
        if (terminal != null) {
            status = text;
            terminal.print(WIPE + text);
            terminal.flush();
        }
    }

    /** Collects a byte someone else wrote to stderr; a complete line goes out above the status. */
    private synchronized void pass(final int b) {
        pending.write(b);
        if (b == '\n') {
            terminal.print(WIPE);
            terminal.write(pending.toByteArray(), 0, pending.size());
            pending.reset();
            terminal.print(status);
            terminal.flush();
        }
    }

    /** Wipes the status, prints any unfinished line, and gives stderr back. */
    @Override
    public synchronized void close() {
        if (terminal != null) {
            System.setErr(terminal);
            terminal.print(WIPE);
            terminal.write(pending.toByteArray(), 0, pending.size());
            pending.reset();
            terminal.flush();
            status = "";
        }
    }

    /** What others get as stderr while the status shows; partial lines wait for their end. */
    private final class PassAbove extends OutputStream {
        @Override
        public void write(final int b) {
            pass(b);
        }
    }
}
