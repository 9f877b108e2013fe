package org.brightpaint.spark;

import java.io.IOException;

/**
 * How the Spark mains report a failure, as the {@code brightpaint} command line does: a user
 * error (an {@link IllegalArgumentException} or I/O error, checked or unchecked, anywhere in the cause chain, also when
 * an executor's task threw it and Spark wrapped it in a job failure) is one line,
 * {@code brightpaint-spark: <message>}, exit 1; anything else prints its stack trace, exit 1.
 */
final class SparkErrors {
  private SparkErrors() {}

  /**
   * @param e what a main caught
   * @return the exit status (1)
   */
  static int report(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if ((t instanceof IllegalArgumentException || t instanceof IOException || t instanceof java.io.UncheckedIOException)
          && t.getMessage() != null) {
        System.err.println("brightpaint-spark: " + t.getMessage().strip().replaceAll("\\s*\\R\\s*", "; "));
        return 1;
      }
    }
    System.err.println("brightpaint-spark: internal error:");
    e.printStackTrace();
    return 1;
  }
}
