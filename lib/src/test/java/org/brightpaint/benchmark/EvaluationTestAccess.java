package org.brightpaint.benchmark;

import java.nio.file.Path;

/** Lets tests of other packages write {@link EvaluationTest}'s synthetic sites. */
public final class EvaluationTestAccess {
  private EvaluationTestAccess() {}

  /**
   * @param dir plate folder
   * @param field site number
   * @param noise noise amplitude
   * @param seed seed
   * @throws Exception on write failure
   */
  public static void site(Path dir, int field, double noise, long seed) throws Exception {
    EvaluationTest.site(dir, field, noise, seed);
  }
}
