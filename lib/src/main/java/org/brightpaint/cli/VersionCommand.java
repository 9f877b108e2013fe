package org.brightpaint.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code brightpaint version}: prints the toolkit's version. */
@Command(name = "version", description = "Print the brightpaint version.")
public final class VersionCommand implements Runnable {

  /** The version string, from the jar manifest when packaged, else "dev". */
  public static String version() {
    String v = VersionCommand.class.getPackage().getImplementationVersion();
    return v == null ? "0.1.0-SNAPSHOT" : v;
  }

  @Override
  public void run() {
    System.out.println("brightpaint " + version());
  }

  /** Feeds {@code --version}. */
  public static final class Provider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"brightpaint " + version()};
    }
  }
}
