package org.brightpaint.features.measure;

import java.util.List;
import org.brightpaint.features.FeatureSet;
import org.brightpaint.features.ops.Labels;
import org.brightpaint.features.ops.RadixSort;
import org.brightpaint.image.FloatImage;
import org.brightpaint.image.LabelImage;

/**
 * CellProfiler's {@code MeasureObjectIntensity} (revision 4) for one image: over each object's
 * pixels, {@code IntegratedIntensity} (sum), {@code MeanIntensity}, {@code StdIntensity}
 * (population), {@code MinIntensity}, {@code MaxIntensity}; the same five over the object's edge
 * pixels ({@link Labels#innerBoundary}: pixels with a differently labelled 4-neighbour), suffixed {@code Edge}; {@code MassDisplacement} = distance between the centroid and the
 * intensity-weighted centroid; {@code Lower/Median/UpperQuartileIntensity} and
 * {@code MADIntensity} with CellProfiler's rule (sorted values v, {@code q = n f}, value
 * {@code v[floor q] (1 - frac q) + v[floor q + 1] frac q}, or {@code v[floor q]} when there is no
 * next value); and {@code Location_CenterMassIntensity_X/Y/Z}, {@code Location_MaxIntensity_X/Y/Z}
 * (first brightest pixel in raster order; Z is 0).
 *
 * <p>Objects with no pixels get NaN everywhere except IntegratedIntensity 0. An all-zero object
 * has an undefined intensity-weighted centroid: MassDisplacement and CenterMassIntensity are NaN.
 */
public final class Intensity {

  /** Intensity feature stems, {@code Intensity_<stem>_<image>}, in output order. */
  public static final List<String> INTENSITY = List.of(
      "IntegratedIntensity", "MeanIntensity", "StdIntensity", "MinIntensity", "MaxIntensity",
      "IntegratedIntensityEdge", "MeanIntensityEdge", "StdIntensityEdge", "MinIntensityEdge",
      "MaxIntensityEdge", "MassDisplacement", "LowerQuartileIntensity", "MedianIntensity",
      "MADIntensity", "UpperQuartileIntensity");

  /** Location feature stems, {@code Location_<stem>_<image>}. */
  public static final List<String> LOCATION = List.of(
      "CenterMassIntensity_X", "CenterMassIntensity_Y", "CenterMassIntensity_Z",
      "MaxIntensity_X", "MaxIntensity_Y", "MaxIntensity_Z");

  private Intensity() {}

  /**
   * The 21 column names for one image.
   *
   * @param imageName the image name used in feature names (for example "DNA")
   * @return names
   */
  public static List<String> names(String imageName) {
    java.util.ArrayList<String> out = new java.util.ArrayList<>();
    for (String s : INTENSITY) {
      out.add("Intensity_" + s + "_" + imageName);
    }
    for (String s : LOCATION) {
      out.add("Location_" + s + "_" + imageName);
    }
    return out;
  }

  /**
   * Measures every object in one image.
   *
   * @param image the intensities (finite), same size as the labels
   * @param labels the objects
   * @param imageName the image name for the feature names
   * @return 21 columns
   */
  public static FeatureSet measure(FloatImage image, LabelImage labels, String imageName) {
    return measure(image, Objects.of(labels), imageName);
  }

  /**
   * The objects of one label image, indexed ({@link ObjectIndex}), with their edge pixels flagged
   * ({@link Labels#innerBoundary}) once, shared by the intensity of every image of a site.
   */
  public static final class Objects {
    private final ObjectIndex index;
    private final boolean[] edge;

    private Objects(ObjectIndex index, boolean[] edge) {
      this.index = index;
      this.edge = edge;
    }

    /**
     * @param labels the objects
     * @return them indexed, with their edge pixels
     * @throws IllegalArgumentException on a label outside {@code 0..labels.count()}
     */
    public static Objects of(LabelImage labels) {
      return of(ObjectIndex.of(labels));
    }

    /**
     * @param index the objects, indexed by the caller
     * @return them with their edge pixels
     */
    public static Objects of(ObjectIndex index) {
      LabelImage l = index.labels;
      return new Objects(index, Labels.innerBoundary(l.labels(), l.width(), l.height()));
    }
  }

  /**
   * Measures every object in one image, the objects prepared once for all images ({@link
   * Objects#of}); the same values as {@link #measure(FloatImage, LabelImage, String)}.
   *
   * @param image the intensities (finite), same size as the labels
   * @param objects the objects
   * @param imageName the image name for the feature names
   * @return 21 columns
   */
  public static FeatureSet measure(FloatImage image, Objects objects, String imageName) {
    LabelImage labels = objects.index.labels;
    if (image.width() != labels.width() || image.height() != labels.height()) {
      throw new IllegalArgumentException("Intensity of " + imageName + ": image " + image
          + " does not match labels " + labels);
    }
    int n = labels.count();
    int w = labels.width();
    float[] px = image.pixels();
    boolean[] edge = objects.edge;
    int[] starts = objects.index.start;
    int[] idx = objects.index.pixels;
    List<String> names = names(imageName);
    double[][] cols = new double[names.size()][n];
    double[] vals = new double[0];
    float[] fvals = new float[0];
    for (int l = 1; l <= n; l++) {
      int s = starts[l - 1];
      int e = starts[l];
      int area = e - s;
      int o = l - 1;
      if (area == 0) {
        for (double[] c : cols) {
          c[o] = Double.NaN;
        }
        cols[0][o] = 0;
        continue;
      }
      if (vals.length < area) {
        vals = new double[area];
        fvals = new float[area];
      }
      double sum = 0;
      double sumSq = 0;
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      int maxAt = -1;
      double esum = 0;
      double esq = 0;
      double emin = Double.POSITIVE_INFINITY;
      double emax = Double.NEGATIVE_INFINITY;
      int ecount = 0;
      double cx = 0;
      double cy = 0;
      double wx = 0;
      double wy = 0;
      for (int k = s; k < e; k++) {
        int p = idx[k];
        double v = px[p];
        fvals[k - s] = px[p];
        sum += v;
        sumSq += v * v;
        if (v < min) {
          min = v;
        }
        if (v > max) {
          max = v;
          maxAt = p;
        }
        int x = p % w;
        int y = p / w;
        cx += x;
        cy += y;
        wx += v * x;
        wy += v * y;
        if (edge[p]) {
          esum += v;
          esq += v * v;
          emin = Math.min(emin, v);
          emax = Math.max(emax, v);
          ecount++;
        }
      }
      double mean = sum / area;
      cx /= area;
      cy /= area;
      double cmx = sum != 0 ? wx / sum : Double.NaN;
      double cmy = sum != 0 ? wy / sum : Double.NaN;
      // the pixels are floats: sorting them and widening gives Arrays.sort of the widened values
      RadixSort.sortFloats(fvals, area);
      for (int k = 0; k < area; k++) {
        vals[k] = fvals[k];
      }
      double lq = quantile(vals, area, 0.25);
      double med = quantile(vals, area, 0.5);
      double uq = quantile(vals, area, 0.75);
      double[] dev = sortedDeviations(vals, area, med);
      double mad = quantile(dev, area, 0.5);
      int i = 0;
      cols[i++][o] = sum;
      cols[i++][o] = mean;
      cols[i++][o] = Math.sqrt(Math.max(0, sumSq / area - mean * mean));
      cols[i++][o] = min;
      cols[i++][o] = max;
      double emean = ecount > 0 ? esum / ecount : Double.NaN;
      cols[i++][o] = esum;
      cols[i++][o] = emean;
      cols[i++][o] = ecount > 0 ? Math.sqrt(Math.max(0, esq / ecount - emean * emean)) : Double.NaN;
      cols[i++][o] = ecount > 0 ? emin : Double.NaN;
      cols[i++][o] = ecount > 0 ? emax : Double.NaN;
      cols[i++][o] = Math.hypot(cx - cmx, cy - cmy);
      cols[i++][o] = lq;
      cols[i++][o] = med;
      cols[i++][o] = mad;
      cols[i++][o] = uq;
      cols[i++][o] = cmx;
      cols[i++][o] = cmy;
      cols[i++][o] = 0;
      cols[i++][o] = maxAt % w;
      cols[i++][o] = maxAt / w;
      cols[i++][o] = 0;
    }
    FeatureSet.Builder b = FeatureSet.builder(n);
    for (int c = 0; c < names.size(); c++) {
      b.put(names.get(c), cols[c]);
    }
    return b.build();
  }

  /**
   * The absolute deviations from {@code centre} of sorted values, sorted ascending: the same array
   * as {@code Arrays.sort} of {@code |v - centre|} (for the median absolute deviation), in linear
   * time.
   *
   * @param sorted ascending finite values
   * @param n how many of them to use
   * @param centre the centre (CellProfiler's: the median)
   * @return {@code n} deviations, ascending
   */
  static double[] sortedDeviations(double[] sorted, int n, double centre) {
    // |v - centre| falls then rises along the sorted values: merging the two runs gives the same
    // array as sorting the deviations (a sorted array of finite doubles is unique)
    double[] dev = new double[n];
    int split = 0;
    while (split < n && sorted[split] <= centre) {
      split++;
    }
    int lo = split - 1;
    int hi = split;
    for (int k = 0; k < n; k++) {
      if (hi >= n || (lo >= 0 && Math.abs(sorted[lo] - centre) <= Math.abs(sorted[hi] - centre))) {
        dev[k] = Math.abs(sorted[lo--] - centre);
      } else {
        dev[k] = Math.abs(sorted[hi++] - centre);
      }
    }
    return dev;
  }

  /**
   * CellProfiler's quantile of sorted values: {@code q = n f}; linear between {@code v[floor q]}
   * and {@code v[floor q + 1]} when {@code floor q < n - 1}, else {@code v[floor q]}.
   *
   * @param sorted ascending values
   * @param n how many of them to use
   * @param fraction the fraction f in [0, 1]
   * @return the quantile
   */
  public static double quantile(double[] sorted, int n, double fraction) {
    double q = n * fraction;
    int qi = (int) Math.floor(q);
    double qf = q - qi;
    if (qi < n - 1) {
      return sorted[qi] * (1 - qf) + sorted[qi + 1] * qf;
    }
    return sorted[Math.min(qi, n - 1)];
  }
}
