package org.brightpaint.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code brightpaint} command line. Each capability adds one subcommand class here.
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

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

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
    return new CommandLine(new Brightpaint()).execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
