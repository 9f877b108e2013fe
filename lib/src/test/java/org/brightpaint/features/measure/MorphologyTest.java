package org.brightpaint.features.measure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The ranked morphology of {@link Granularity} against direct definitions: reconstruction by
 * dilation as geodesic dilation iterated to stability, the disk opening as a scan of every disk
 * offset.
 */
class MorphologyTest {

  private static double[] noise(Random rnd, int n, int distinct) {
    double[] a = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = rnd.nextInt(distinct) / (double) distinct; // many ties
    }
    return a;
  }

  /** The values of ranks of a ranked image. */
  private static double[] valuesOf(Morphology.Ranked ranked, int[] ranks) {
    double[] v = new double[ranks.length];
    for (int i = 0; i < ranks.length; i++) {
      v[i] = ranked.values()[ranks[i]];
    }
    return v;
  }

  /** Geodesic dilation by the cross under the mask, repeated until nothing changes. */
  private static double[] reconstructDirect(double[] marker, double[] mask, int w, int h) {
    double[] j = new double[marker.length];
    for (int i = 0; i < j.length; i++) {
      j[i] = Math.min(marker[i], mask[i]);
    }
    boolean changed = true;
    while (changed) {
      changed = false;
      double[] next = j.clone();
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          int i = y * w + x;
          double v = j[i];
          if (x > 0) {
            v = Math.max(v, j[i - 1]);
          }
          if (x < w - 1) {
            v = Math.max(v, j[i + 1]);
          }
          if (y > 0) {
            v = Math.max(v, j[i - w]);
          }
          if (y < h - 1) {
            v = Math.max(v, j[i + w]);
          }
          v = Math.min(v, mask[i]);
          if (v != next[i]) {
            next[i] = v;
            changed = true;
          }
        }
      }
      j = next;
    }
    return j;
  }

  @Test
  void reconstructionOfErosionsEqualsIteratedGeodesicDilation() {
    Random rnd = new Random(7);
    for (int trial = 0; trial < 20; trial++) {
      int w = 5 + rnd.nextInt(30);
      int h = 5 + rnd.nextInt(30);
      double[] mask = noise(rnd, w * h, 2 + rnd.nextInt(50));
      Morphology.Ranked ranked = Morphology.Ranked.of(mask, 1.0);
      Morphology.Reconstruction rec = new Morphology.Reconstruction(ranked.ranks(), w, h);
      int[] ero = ranked.ranks().clone();
      int[] next = new int[ero.length];
      int[] out = new int[ero.length];
      double[] eroDirect = mask.clone();
      for (int step = 0; step < 4; step++) {
        Morphology.crossErode(ero, w, h, ranked.rankOf(1.0), next);
        int[] t = ero;
        ero = next;
        next = t;
        eroDirect = erodeDirect(eroDirect, w, h);
        rec.run(ero);
        rec.result(out);
        double[] expected = reconstructDirect(eroDirect, mask, w, h);
        assertArrayEquals(expected, valuesOf(ranked, out), 0.0, "trial " + trial + " step " + step);
      }
    }
  }

  @Test
  void reconstructionRaisedByTheNextStepsEqualsIteratedGeodesicDilation() {
    Random rnd = new Random(11);
    for (int trial = 0; trial < 20; trial++) {
      int w = 5 + rnd.nextInt(30);
      int h = 5 + rnd.nextInt(30);
      double[] mask = noise(rnd, w * h, 2 + rnd.nextInt(50));
      Morphology.Ranked ranked = Morphology.Ranked.of(mask, 1.0);
      Morphology.Reconstruction rec = new Morphology.Reconstruction(ranked.ranks(), w, h);
      int steps = 5;
      int[][] ero = new int[steps + 1][];
      double[][] eroDirect = new double[steps + 1][];
      ero[0] = ranked.ranks();
      eroDirect[0] = mask;
      for (int step = 1; step <= steps; step++) {
        ero[step] = new int[ero[0].length];
        Morphology.crossErode(ero[step - 1], w, h, ranked.rankOf(1.0), ero[step]);
        eroDirect[step] = erodeDirect(eroDirect[step - 1], w, h);
      }
      for (int step = steps; step >= 1; step--) {
        int[] out = new int[ero[0].length];
        if (step == steps) {
          rec.run(ero[step]);
        } else {
          rec.raise(ero[step]);
        }
        rec.result(out);
        double[] expected = reconstructDirect(eroDirect[step], mask, w, h);
        assertArrayEquals(expected, valuesOf(ranked, out), 0.0, "trial " + trial + " step " + step);
        double[] values = new double[out.length];
        rec.values(ranked.values(), values);
        assertArrayEquals(expected, values, 0.0, "values, trial " + trial + " step " + step);
      }
    }
  }

  private static double[] erodeDirect(double[] a, int w, int h) {
    double[] out = new double[a.length];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int i = y * w + x;
        double e = a[i];
        e = Math.min(e, x > 0 ? a[i - 1] : 1.0);
        e = Math.min(e, x < w - 1 ? a[i + 1] : 1.0);
        e = Math.min(e, y > 0 ? a[i - w] : 1.0);
        e = Math.min(e, y < h - 1 ? a[i + w] : 1.0);
        out[i] = e;
      }
    }
    return out;
  }

  @Test
  void ranksMapBackToValues() {
    double[] a = {0.5, 0.25, 0.5, 0.0, 0.75};
    Morphology.Ranked r = Morphology.Ranked.of(a, 1.0);
    assertArrayEquals(new double[] {0.0, 0.25, 0.5, 0.75, 1.0}, r.values(), 0.0);
    assertArrayEquals(new int[] {2, 1, 2, 0, 3}, r.ranks());
    assertEquals(4, r.rankOf(1.0));
  }

  @Test
  void ranksFollowDoubleCompareOverSignsAndWideRanges() {
    Random rnd = new Random(5);
    double[] a = new double[5000];
    for (int i = 0; i < a.length; i++) {
      a[i] = switch (i % 7) {
        case 0 -> -0.0;
        case 1 -> 0.0;
        case 2 -> -rnd.nextDouble() * Math.pow(10, rnd.nextInt(20) - 10);
        case 3 -> rnd.nextInt(5) / 4.0;
        default -> rnd.nextDouble() * Math.pow(10, rnd.nextInt(20) - 10);
      };
    }
    Morphology.Ranked r = Morphology.Ranked.of(a, 1.0);
    double[] sorted = a.clone();
    java.util.Arrays.sort(sorted); // Double.compare order
    double[] distinct = java.util.Arrays.stream(sorted).boxed().distinct().mapToDouble(Double::doubleValue).toArray();
    double[] expected = java.util.stream.DoubleStream.concat(java.util.Arrays.stream(distinct),
        java.util.Arrays.stream(distinct).anyMatch(v -> v == 1.0) ? java.util.stream.DoubleStream.empty()
            : java.util.stream.DoubleStream.of(1.0)).sorted().toArray();
    assertEquals(expected.length, r.values().length);
    for (int i = 0; i < expected.length; i++) {
      assertEquals(Double.doubleToRawLongBits(expected[i]), Double.doubleToRawLongBits(r.values()[i]), "value " + i);
    }
    for (int i = 0; i < a.length; i++) {
      assertEquals(Double.doubleToRawLongBits(a[i]), Double.doubleToRawLongBits(r.values()[r.ranks()[i]]), "pixel " + i);
    }
  }

  @Test
  void diskOpeningEqualsDirectDiskScan() {
    Random rnd = new Random(11);
    int w = 37;
    int h = 29;
    for (int r = 1; r <= 6; r++) {
      double[] img = noise(rnd, w * h, 1000);
      double[] ero = diskDirect(img, w, h, r, true);
      double[] expected = diskDirect(ero, w, h, r, false);
      assertArrayEquals(expected, Morphology.diskOpen(img, w, h, r), 0.0, "radius " + r);
    }
  }

  /** Extremum over the disk x^2 + y^2 <= r^2; outside pixels are 1 (min) or 0 (max). */
  private static double[] diskDirect(double[] img, int w, int h, int r, boolean min) {
    double[] out = new double[img.length];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double e = min ? Double.MAX_VALUE : -Double.MAX_VALUE;
        for (int dy = -r; dy <= r; dy++) {
          for (int dx = -r; dx <= r; dx++) {
            if (dx * dx + dy * dy > r * r) {
              continue;
            }
            int yy = y + dy;
            int xx = x + dx;
            double v = yy < 0 || yy >= h || xx < 0 || xx >= w ? (min ? 1.0 : 0.0) : img[yy * w + xx];
            e = min ? Math.min(e, v) : Math.max(e, v);
          }
        }
        out[y * w + x] = e;
      }
    }
    return out;
  }
}
