package org.brightpaint.features.measure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.brightpaint.features.FeatureSet;
import org.brightpaint.features.ops.RadixSort;
import org.brightpaint.image.FloatImage;
import org.brightpaint.image.LabelImage;

/**
 * CellProfiler 4.0.6 MeasureColocalization within objects: Pearson correlation, Manders, rank
 * weighted colocalization (RWC), overlap and K coefficients for every pair of images.
 *
 * <p>For an object with pixel intensities f (first image) and s (second image):
 *
 * <ul>
 *   <li>{@code Correlation_Correlation_A_B} = sum (f - mean f)(s - mean s) / sqrt(sum (f - mean
 *       f)^2 sum (s - mean s)^2) (Pearson r).
 *   <li>Thresholds {@code tf = t/100 * max f}, {@code ts = t/100 * max s} per object (t = {@link
 *       Options#thresholdPercent()}); "above" means {@code >=}; "both" = f above and s above.
 *   <li>{@code Correlation_Manders_A_B} (M1) = sum f over both / sum f over f above; {@code
 *       Correlation_Manders_B_A} (M2) mirrored.
 *   <li>{@code Correlation_RWC_A_B} = sum f w over both / sum f over f above, with w = (R - |r_f -
 *       r_s|) / R, r the dense rank (0-based) of the intensity among ALL object pixels of the label
 *       image (per channel), R = max(max r_f, max r_s) + 1; {@code _B_A} mirrored.
 *   <li>{@code Correlation_Overlap_A_B} = sum fs / sqrt(sum f^2 sum s^2), {@code Correlation_K_A_B}
 *       = sum fs / sum f^2, {@code Correlation_K_B_A} = sum fs / sum s^2, all sums over "both".
 * </ul>
 *
 * <p>Non-finite conventions (CellProfiler's, reproduced): a label without pixels gives NaN for
 * every feature; a constant object gives Correlation NaN (0/0). When no pixel of any object is
 * "both" above, Manders, RWC, Overlap and K are 0 for every object. Otherwise an object without a
 * "both" pixel has Manders and RWC 0 and Overlap and K NaN (0/0). Costes' automatic threshold is
 * off in CPJUMP1; when {@link Options#costes()} is on, {@code Correlation_Costes_A_B} and
 * {@code _B_A} follow each pair's 8 columns ({@link Costes}). Only within-object measurements are
 * made (CPJUMP1 measures "Within objects", so no Image-table colocalization).
 *
 * <p>Pairs: for images listed in order i &lt; j, CellProfiler measures (i, j); CPJUMP1 lists AGP,
 * Brightfield, DNA, ER, HighZBF, LowZBF, Mito, RNA, giving e.g. {@code Correlation_RWC_DNA_Mito}.
 *
 * <p>References: Manders EMM, Verbeek FJ, Aten JA (1993) J Microsc 169(3):375-382,
 * https://doi.org/10.1111/j.1365-2818.1993.tb03313.x; Singan VR et al. (2011) Dual channel
 * rank-based intensity weighting for quantitative co-localization of microscopy images, BMC
 * Bioinformatics 12:407, https://doi.org/10.1186/1471-2105-12-407; CellProfiler {@code
 * modules/measurecolocalization.py} v4.0.6.
 */
public final class Colocalization {
  private Colocalization() {}

  /**
   * Colocalization settings.
   *
   * @param thresholdPercent "Set threshold as percentage of maximum intensity", in [0, 100]
   * @param costes "Calculate the Manders coefficients using Costes auto threshold?" and "Method
   *     for Costes thresholding": OFF, or the method; when on, two more columns per pair
   * @param scale the images' scale for Costes' step 1/scale (CellProfiler's {@code image.scale}:
   *     65535 for 16-bit images)
   */
  public record Options(double thresholdPercent, Costes.Method costes, double scale) {
    /** Validates the threshold. */
    public Options {
      if (!(thresholdPercent >= 0 && thresholdPercent <= 100)) {
        throw new IllegalArgumentException("Threshold percentage must be in 0..100, got " + thresholdPercent);
      }
      if (costes == null) {
        throw new IllegalArgumentException("Costes method is required (OFF to skip it)");
      }
      if (!(scale > 0)) {
        throw new IllegalArgumentException("Image scale must be > 0 (65535 for 16-bit images), got " + scale);
      }
    }

    /**
     * Without Costes (CPJUMP1's setting).
     *
     * @param thresholdPercent the threshold percentage
     */
    public Options(double thresholdPercent) {
      this(thresholdPercent, Costes.Method.OFF, 65535);
    }

    /** @return the CPJUMP1 setting: 15% of the object's maximum */
    public static Options cpjump1() {
      return new Options(15.0);
    }
  }

  /**
   * The 8 feature names of one pair, in CellProfiler's order.
   *
   * @param a first image name
   * @param b second image name
   * @return Correlation, Overlap, K_A_B, K_B_A, Manders_A_B, Manders_B_A, RWC_A_B, RWC_B_A
   */
  public static List<String> pairNames(String a, String b) {
    return List.of(
        FeatureNames.correlation(FeatureNames.CORRELATION, a, b),
        FeatureNames.correlation(FeatureNames.OVERLAP, a, b),
        FeatureNames.correlation(FeatureNames.K, a, b),
        FeatureNames.correlation(FeatureNames.K, b, a),
        FeatureNames.correlation(FeatureNames.MANDERS, a, b),
        FeatureNames.correlation(FeatureNames.MANDERS, b, a),
        FeatureNames.correlation(FeatureNames.RWC, a, b),
        FeatureNames.correlation(FeatureNames.RWC, b, a));
  }

  /**
   * Every pair (i &lt; j in the map's iteration order) of the given images.
   *
   * @param images image name to image, in CellProfiler's list order (use an ordered map, e.g.
   *     {@link java.util.LinkedHashMap}); all the label image's size
   * @param labels the objects
   * @param options the settings
   * @return 8 columns per pair
   * @throws IllegalArgumentException on a size mismatch or a non-finite pixel
   */
  public static FeatureSet measure(Map<String, FloatImage> images, LabelImage labels, Options options) {
    return measure(images, ObjectIndex.of(labels), options);
  }

  /**
   * Every pair of the given images, the objects indexed by the caller.
   *
   * @param images image name to image, in CellProfiler's list order (an ordered map), all the
   *     labels' size
   * @param idx the objects
   * @param options the settings
   * @return 8 columns per pair
   * @throws IllegalArgumentException on a size mismatch or a non-finite pixel
   */
  public static FeatureSet measure(Map<String, FloatImage> images, ObjectIndex idx, Options options) {
    LabelImage labels = idx.labels;
    List<String> names = new ArrayList<>(images.keySet());
    for (String n : names) {
      Inputs.checkName(n);
      Inputs.check(images.get(n), n, labels);
    }
    int[][] ranks = new int[names.size()][];
    int[] maxRank = new int[names.size()];
    for (int c = 0; c < names.size(); c++) {
      ranks[c] = denseRanks(images.get(names.get(c)).pixels(), idx.pixels);
      int m = -1;
      for (int r : ranks[c]) {
        m = Math.max(m, r);
      }
      maxRank[c] = m;
    }
    // each channel's object pixels gathered once, in index order, for every pair it takes part in
    float[][] gathered = new float[names.size()][];
    for (int c = 0; c < names.size(); c++) {
      float[] px = images.get(names.get(c)).pixels();
      float[] g = new float[idx.pixels.length];
      for (int t = 0; t < g.length; t++) {
        g[t] = px[idx.pixels[t]];
      }
      gathered[c] = g;
    }
    FeatureSet.Builder b = FeatureSet.builder(labels.count());
    for (int i = 0; i < names.size(); i++) {
      for (int j = i + 1; j < names.size(); j++) {
        double[][] cols = pair(gathered[i], gathered[j], idx,
            ranks[i], ranks[j], Math.max(maxRank[i], maxRank[j]) + 1, options);
        List<String> pn = pairNames(names.get(i), names.get(j));
        for (int k = 0; k < 8; k++) {
          b.put(pn.get(k), cols[k]);
        }
        if (options.costes() != Costes.Method.OFF) {
          float[] f = images.get(names.get(i)).pixels();
          float[] s = images.get(names.get(j)).pixels();
          double[][] c = Costes.coefficients(f, s, idx, Costes.thresholds(f, s, options.scale(), options.costes()));
          b.put(FeatureNames.correlation(FeatureNames.COSTES, names.get(i), names.get(j)), c[0]);
          b.put(FeatureNames.correlation(FeatureNames.COSTES, names.get(j), names.get(i)), c[1]);
        }
      }
    }
    return b.build();
  }

  /**
   * One pair of images.
   *
   * @param first first image
   * @param firstName its name
   * @param second second image
   * @param secondName its name
   * @param labels the objects
   * @param options the settings
   * @return the 8 columns of {@link #pairNames}
   */
  public static FeatureSet measurePair(FloatImage first, String firstName, FloatImage second, String secondName,
      LabelImage labels, Options options) {
    Map<String, FloatImage> m = new java.util.LinkedHashMap<>();
    m.put(firstName, first);
    if (m.put(secondName, second) != null) {
      throw new IllegalArgumentException("The two images of a pair need different names, got " + firstName + " twice");
    }
    return measure(m, labels, options);
  }

  /**
   * The 8 columns of one pair from both channels' object pixels in {@link ObjectIndex} order
   * ({@code f[t]} is the first image at {@code idx.pixels[t]}).
   */
  private static double[][] pair(float[] f, float[] s, ObjectIndex idx, int[] r1, int[] r2, int bigR, Options options) {
    int n = idx.count;
    double[][] out = new double[8][n];
    double frac = options.thresholdPercent() / 100;
    boolean anyBoth = false;
    double[] tf = new double[n];
    double[] ts = new double[n];
    for (int o = 0; o < n; o++) {
      int from = idx.start[o];
      int to = idx.start[o + 1];
      if (from == to) {
        continue;
      }
      double mf = 0;
      double ms = 0;
      double xf = -Double.MAX_VALUE;
      double xs = -Double.MAX_VALUE;
      for (int t = from; t < to; t++) {
        mf += f[t];
        ms += s[t];
        xf = Math.max(xf, f[t]);
        xs = Math.max(xs, s[t]);
      }
      mf /= (to - from);
      ms /= (to - from);
      double sxy = 0;
      double sxx = 0;
      double syy = 0;
      tf[o] = frac * xf;
      ts[o] = frac * xs;
      for (int t = from; t < to; t++) {
        double dx = f[t] - mf;
        double dy = s[t] - ms;
        sxy += dx * dy;
        sxx += dx * dx;
        syy += dy * dy;
        if (f[t] >= tf[o] && s[t] >= ts[o]) {
          anyBoth = true;
        }
      }
      out[0][o] = sxy / Math.sqrt(sxx * syy);
    }
    for (int o = 0; o < n; o++) {
      int from = idx.start[o];
      int to = idx.start[o + 1];
      if (from == to) {
        for (int k = 0; k < 8; k++) {
          out[k][o] = Double.NaN;
        }
        continue;
      }
      if (!anyBoth) {
        continue; // Manders, RWC, Overlap, K stay 0
      }
      double totF = 0;
      double totS = 0;
      double bothF = 0;
      double bothS = 0;
      double rwcF = 0;
      double rwcS = 0;
      double ff = 0;
      double ss = 0;
      double fs = 0;
      for (int t = from; t < to; t++) {
        double a = f[t];
        double c = s[t];
        boolean fa = a >= tf[o];
        boolean sa = c >= ts[o];
        if (fa) {
          totF += a;
        }
        if (sa) {
          totS += c;
        }
        if (fa && sa) {
          double w = (bigR - Math.abs(r1[t] - r2[t])) * 1.0 / bigR;
          bothF += a;
          bothS += c;
          rwcF += a * w;
          rwcS += c * w;
          ff += a * a;
          ss += c * c;
          fs += a * c;
        }
      }
      out[1][o] = fs / Math.sqrt(ff * ss);
      out[2][o] = fs / ff;
      out[3][o] = fs / ss;
      out[4][o] = bothF / totF;
      out[5][o] = bothS / totS;
      out[6][o] = rwcF / totF;
      out[7][o] = rwcS / totS;
    }
    return out;
  }

  /**
   * Dense ranks (0-based, ties share a rank) of {@code values[pixels[t]]} over t, by an LSD radix
   * sort of the float keys.
   */
  static int[] denseRanks(float[] values, int[] pixels) {
    int n = pixels.length;
    long[] keys = new long[n];
    int[] order = new int[n];
    for (int t = 0; t < n; t++) {
      keys[t] = RadixSort.floatKey(values[pixels[t]]); // -0 -> +0, unsigned order = float order
      order[t] = t;
    }
    RadixSort.sort(keys, order);
    int[] rank = new int[n];
    int r = 0;
    for (int i = 0; i < n; i++) {
      if (i > 0 && keys[i] != keys[i - 1]) {
        r++;
      }
      rank[order[i]] = r;
    }
    return rank;
  }
}
