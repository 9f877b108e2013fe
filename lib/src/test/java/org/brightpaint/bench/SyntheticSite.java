package org.brightpaint.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.brightpaint.data.Channel;
import org.brightpaint.features.pipeline.SiteImages;
import org.brightpaint.image.FloatImage;

/**
 * A quick Phenix-like five-channel test site for benchmarks: elliptical nuclei (DNA) inside larger
 * cells (RNA, ER, Mito, AGP with per-channel textures), on a dark background with Poisson-like
 * noise, quantised to 16 bits and scaled to 0..1.
 */
public final class SyntheticSite {

  private SyntheticSite() {}

  /**
   * @param size width and height in pixels
   * @param cells number of cells
   * @param seed random seed
   * @param imageNumber ImageNumber
   * @return the site
   */
  public static SiteImages make(int size, int cells, long seed, int imageNumber) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int n = size * size;
    float[][] ch = new float[5][n];
    int[] owner = new int[n];
    double[] best = new double[n];
    java.util.Arrays.fill(best, Double.POSITIVE_INFINITY);
    double[] cx = new double[cells];
    double[] cy = new double[cells];
    double[] nr = new double[cells];
    for (int c = 0; c < cells; c++) {
      cx[c] = 20 + rnd.nextDouble() * (size - 40);
      cy[c] = 20 + rnd.nextDouble() * (size - 40);
      nr[c] = 7 + rnd.nextDouble() * 5;
    }
    // Voronoi-like cell territories limited to a radius of 3.2 nucleus radii
    for (int c = 0; c < cells; c++) {
      int r = (int) (nr[c] * 3.2);
      for (int y = (int) Math.max(0, cy[c] - r); y < Math.min(size, cy[c] + r); y++) {
        for (int x = (int) Math.max(0, cx[c] - r); x < Math.min(size, cx[c] + r); x++) {
          double d = Math.hypot(x - cx[c], y - cy[c]) / nr[c];
          int p = y * size + x;
          if (d < 3.2 && d < best[p]) {
            best[p] = d;
            owner[p] = c + 1;
          }
        }
      }
    }
    double[] base = {0.010, 0.012, 0.020, 0.015, 0.004};
    for (int p = 0; p < n; p++) {
      int x = p % size;
      int y = p / size;
      double d = best[p];
      for (int k = 0; k < 5; k++) {
        double v = base[k] * 0.2;
        if (owner[p] > 0) {
          double tex = 0.5 + 0.5 * Math.sin(x * (0.3 + 0.1 * k)) * Math.cos(y * (0.25 + 0.07 * k));
          if (k == 4) {
            v += d < 1 ? 0.06 * (1.2 - 0.4 * d * d) : 0;
          } else {
            v += base[k] * (1.0 + tex) * (d < 1 ? 0.6 : 1.0) * Math.max(0.2, 1 - d / 3.5);
          }
        }
        v += rnd.nextGaussian() * 0.0008;
        int raw = (int) Math.max(0, Math.min(65535, Math.round(v * 65535)));
        ch[k][p] = raw / 65535f;
      }
    }
    Map<String, FloatImage> images = new LinkedHashMap<>();
    Channel[] order = {Channel.MITO, Channel.AGP, Channel.RNA, Channel.ER, Channel.DNA};
    for (int k = 0; k < 5; k++) {
      images.put(order[k].cpName(), new FloatImage(size, size, ch[k]));
    }
    return new SiteImages(imageNumber, Map.of("Plate", "BENCH", "Well", "A" + String.format("%02d", 1 + (imageNumber - 1) / 4),
        "Site", Integer.toString((imageNumber - 1) % 4 + 1)), images);
  }
}
