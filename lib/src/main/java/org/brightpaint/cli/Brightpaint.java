package org.brightpaint.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code brightpaint} command line. Each capability adds one subcommand class here.
 *
 * <p>Conduct shared by every command: a user error (an {@link IllegalArgumentException} such as
 * {@link org.brightpaint.data.io.UserError}, or an I/O error, anywhere in the cause chain) prints
 * one line, {@code brightpaint <command>: <message>}, and exits {@value #USER_ERROR}; bad usage
 * (unknown option, missing argument) exits {@value #USAGE}; any other exception is reported as an
 * internal error in one line and exits {@value #USER_ERROR}. The Java stack trace is printed only
 * with the global {@code --debug} option.
 */
@Command(
    name = "brightpaint",
    mixinStandardHelpOptions = true,
    versionProvider = VersionCommand.Provider.class,
    description = "Predict Cell Painting fluorescence from brightfield and judge the prediction.",
    subcommands = {
      CommandLine.HelpCommand.class,
      VersionCommand.class,
      DoctorCommand.class,
      ProfileCommand.class,
      PhantomCommand.class,
      ManifestCommand.class,
      TrainCommand.class,
      PredictCommand.class,
      QualityCommand.class,
      BenchmarkCommand.class,
      DownloadCommand.class,
    })
public final class Brightpaint implements Runnable {

  /** Exit status of a user error (bad file, missing channel, unknown value). */
  public static final int USER_ERROR = 1;

  /** Exit status of bad usage (unknown option, missing or malformed argument). */
  public static final int USAGE = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
      description = "Print the Java stack trace of an error.")
  boolean debug;

  /**
   * Runs the command line and exits with its status.
   *
   * @param args command-line arguments
   */
  public static void main(String[] args) {
    System.exit(run(args));
  }

  /**
   * Runs the command line without exiting (for tests).
   *
   * @param args command-line arguments
   * @return the exit status
   */
  public static int run(String... args) {
    boolean debug = Arrays.asList(args).contains("--debug");
    CommandLine cl = new CommandLine(new Brightpaint());
    cl.setExecutionExceptionHandler((e, cmd, parsed) -> report(e, cmd.getCommandName(), debug, cmd.getErr()));
    return cl.execute(args);
  }

  /**
   * Prints an exception the way every command reports failures.
   *
   * @param e the exception a command threw
   * @param command the command's name
   * @param debug whether to print the stack trace too
   * @param err where to print
   * @return the exit status
   */
  static int report(Throwable e, String command, boolean debug, PrintWriter err) {
    if (debug) {
      e.printStackTrace(err);
    }
    Throwable user = userError(e);
    String prefix = "brightpaint " + command + ": ";
    if (user != null) {
      err.println(prefix + oneLine(user));
    } else {
      err.println(prefix + "internal error: " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + oneLine(e))
          + (debug ? "" : " (rerun with --debug for the stack trace)"));
    }
    err.flush();
    return USER_ERROR;
  }

  private static Throwable userError(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IllegalArgumentException || t instanceof IOException) {
        return t;
      }
      if (t instanceof UncheckedIOException u) {
        return u.getCause() != null && u.getMessage() == null ? u.getCause() : u;
      }
    }
    return null;
  }

  private static String oneLine(Throwable t) {
    String m = t.getMessage();
    if (m == null || m.isBlank()) {
      return t.getClass().getSimpleName();
    }
    if (t instanceof java.nio.file.NoSuchFileException) {
      return "no such file or folder: " + m;
    }
    if (t instanceof java.nio.file.AccessDeniedException) {
      return "permission denied: " + m;
    }
    return m.strip().replaceAll("\\s*\\R\\s*", "; ");
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
