package org.brightpaint.bench;

import java.util.Random;
import org.brightpaint.eval.Artifacts;
import org.brightpaint.eval.ImageQuality;
import org.brightpaint.image.FloatImage;

/**
 * Prints the evaluation's per-image costs on a 1080 x 1080 image (the Phenix size): the four
 * quality metrics (MSE, PSNR, SSIM, Pearson) and the artifact measures. Run:
 *
 * <pre>
 * mvn -q -B -o -pl lib test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp-eval.txt -Dmdep.includeScope=test
 * $JAVA_HOME/bin/java -cp lib/target/classes:lib/target/test-classes:$(cat /tmp/cp-eval.txt) org.brightpaint.bench.EvalBench
 * </pre>
 */
public final class EvalBench {
  private EvalBench() {}

  /**
   * @param args unused
   */
  public static void main(String[] args) {
    int n = 1080;
    Random r = new Random(1);
    float[] a = new float[n * n], b = new float[n * n];
    for (int i = 0; i < a.length; i++) {
      a[i] = r.nextFloat();
      b[i] = Math.min(1, Math.max(0, a[i] + 0.05f * (float) r.nextGaussian()));
    }
    FloatImage x = new FloatImage(n, n, a), y = new FloatImage(n, n, b);
    for (int i = 0; i < 3; i++) ImageQuality.of(x, y, 1); // warm-up
    int reps = 10;
    long t0 = System.nanoTime();
    for (int i = 0; i < reps; i++) ImageQuality.of(x, y, 1);
    double q = (System.nanoTime() - t0) / 1e9 / reps;
    for (int i = 0; i < 2; i++) Artifacts.measure(x, y);
    t0 = System.nanoTime();
    for (int i = 0; i < reps; i++) Artifacts.measure(x, y);
    double art = (System.nanoTime() - t0) / 1e9 / reps;
    System.out.printf("1080x1080, one thread: quality metrics %.3f s/image (%.2f s per 5-channel site); artifact measures %.3f s/image%n",
        q, 5 * q, art);
  }
}
