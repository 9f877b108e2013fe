package org.brightpaint.features.threshold;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import org.brightpaint.features.ops.Gaussian;
import org.brightpaint.image.FloatImage;
import org.junit.jupiter.api.Test;

/** {@link BackgroundIllumination#compute} against sums formed pixel by pixel. */
class BackgroundIlluminationTest {

  /** Block minima, then per pixel: each block row's horizontal sum, then the sum over block rows. */
  private static float[] straightforward(float[] p, int w, int h, int blockSize, double filterSize) {
    int nbx = Math.max(1, (int) Math.round((double) w / blockSize));
    int nby = Math.max(1, (int) Math.round((double) h / blockSize));
    float[] mins = new float[nbx * nby];
    java.util.Arrays.fill(mins, Float.POSITIVE_INFINITY);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int b = (int) ((long) y * nby / h) * nbx + (int) ((long) x * nbx / w);
        mins[b] = Math.min(mins[b], p[y * w + x]);
      }
    }
    double[] k = Gaussian.kernel(filterSize / 2.35);
    int r = k.length / 2;
    double[] rows = new double[nby * w];
    for (int b = 0; b < nby; b++) {
      for (int x = 0; x < w; x++) {
        double s = 0;
        double wx = 0;
        for (int d = Math.max(-r, -x); d <= Math.min(r, w - 1 - x); d++) {
          s += k[d + r] * mins[b * nbx + (int) ((long) (x + d) * nbx / w)];
          wx += k[d + r];
        }
        rows[b * w + x] = s / wx;
      }
    }
    float[] out = new float[w * h];
    for (int y = 0; y < h; y++) {
      double[] weights = new double[nby];
      double wsum = 0;
      for (int d = Math.max(-r, -y); d <= Math.min(r, h - 1 - y); d++) {
        weights[(int) ((long) (y + d) * nby / h)] += k[d + r];
        wsum += k[d + r];
      }
      for (int x = 0; x < w; x++) {
        double s = 0;
        for (int b = 0; b < nby; b++) {
          if (weights[b] != 0) {
            s += weights[b] * rows[b * w + x];
          }
        }
        out[y * w + x] = (float) (s / wsum);
      }
    }
    return out;
  }

  @Test
  void sameAsPixelByPixelSums() {
    Random rnd = new Random(29);
    for (int t = 0; t < 150; t++) {
      int w = 1 + rnd.nextInt(90);
      int h = 1 + rnd.nextInt(90);
      // every fourth case: one-pixel blocks, a kernel reaching 1 or 2 rows and constant rows, where
      // rows of +1e30 and -1e30 at equal weights cancel exactly
      boolean narrow = t % 4 == 0;
      int blockSize = narrow ? 1 : 1 + rnd.nextInt(40);
      // patches of +-1e30 next to ordinary values: the cancellation exposes any change of order
      float[] patch = new float[64];
      for (int i = 0; i < patch.length; i++) {
        patch[i] = switch (rnd.nextInt(3)) {
          case 0 -> 1e30f;
          case 1 -> -1e30f;
          default -> rnd.nextFloat();
        };
      }
      boolean constantRows = t % 2 == 0;
      float[] p = new float[w * h];
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          p[y * w + x] = constantRows ? patch[y / blockSize % 64]
              : patch[(x / blockSize * 7 + y / blockSize) % 64] + rnd.nextFloat();
        }
      }
      double filterSize = narrow ? 0.3 + rnd.nextDouble() * 1.2 : 0.5 + rnd.nextDouble() * 60;
      assertArrayEquals(straightforward(p, w, h, blockSize, filterSize),
          BackgroundIllumination.compute(new FloatImage(w, h, p), blockSize, filterSize).pixels(),
          "case " + t + " (" + w + " x " + h + ", block " + blockSize + ", filter " + filterSize + ")");
    }
  }
}
