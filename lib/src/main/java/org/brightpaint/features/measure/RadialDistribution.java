package org.brightpaint.features.measure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.brightpaint.features.FeatureSet;
import org.brightpaint.features.ops.NumpyArgsort;
import org.brightpaint.features.ops.PixelHeap;
import org.brightpaint.features.ops.PixelNeighbours;
import org.brightpaint.image.FloatImage;
import org.brightpaint.image.LabelImage;

/**
 * CellProfiler 4.0.6 MeasureObjectIntensityDistribution with scaled bins and each object as its
 * own centre (the CPJUMP1 settings): the fraction of an object's intensity in concentric rings.
 *
 * <p>Geometry, per object: {@code e} = Euclidean distance from a pixel to the nearest pixel outside
 * the object (exact EDT; the image border is not an edge, as in {@code scipy.ndimage}); the centre
 * is a pixel with the largest {@code e}, ties broken as CellProfiler's {@code
 * scipy.ndimage.maximum_position} breaks them (NumPy's argsort of the whole {@code e} image, see
 * {@link NumpyArgsort}); {@code c} = geodesic distance
 * from the centre inside the object along 8-neighbour steps of 1 and sqrt 2 (centrosome {@code
 * propagate} on a zero image); {@code r = c / (c + e + 0.001)}; bin = {@code floor(bins * r)}.
 * Pixels not 8-connected to the centre are left out, as in CellProfiler.
 *
 * <p>Per channel and bin b (1-based in names): {@code FracAtD} = intensity in b / object intensity;
 * {@code MeanFrac} = FracAtD / (pixels in b / object pixels + eps); {@code RadialCV} = population
 * standard deviation / mean of the mean intensities of the 8 sectors (split by {@code y > yc},
 * {@code x > xc}, {@code |y - yc| > |x - xc|}) that have pixels in b, 0 when none has.
 *
 * <p>Names: {@code RadialDistribution_FracAtD_<Ch>_<b>of<bins>}, {@code ..._MeanFrac_...}, {@code
 * ..._RadialCV_...}; order per channel: bin, then FracAtD, MeanFrac, RadialCV (CellProfiler's).
 *
 * <p>Non-finite conventions (CellProfiler's): an object whose total intensity is 0, or a label
 * without pixels, has FracAtD and MeanFrac NaN (0/0) and RadialCV 0.
 *
 * <p>References: CellProfiler {@code modules/measureobjectintensitydistribution.py} v4.0.6;
 * Felzenszwalb PF, Huttenlocher DP (2012) Distance transforms of sampled functions, Theory Comput
 * 8:415-428, https://doi.org/10.4086/toc.2012.v008a019.
 */
public final class RadialDistribution {
  private static final double EPS = Math.ulp(1.0);

  private RadialDistribution() {}

  /**
   * Radial distribution settings (scaled bins, each object its own centre).
   *
   * @param binCount "Number of bins", &gt;= 2
   */
  public record Options(int binCount) {
    /** Validates the bin count. */
    public Options {
      if (binCount < 2) {
        throw new IllegalArgumentException("Radial distribution needs >= 2 bins, got " + binCount);
      }
    }

    /** @return the CPJUMP1 setting: 4 scaled bins */
    public static Options cpjump1() {
      return new Options(4);
    }
  }

  /**
   * @param channel the image name
   * @param options the settings
   * @return the names for one channel in output order
   */
  public static List<String> featureNames(String channel, Options options) {
    List<String> names = new ArrayList<>();
    for (int b = 1; b <= options.binCount(); b++) {
      names.add(FeatureNames.radial(FeatureNames.FRAC_AT_D, channel, b, options.binCount()));
      names.add(FeatureNames.radial(FeatureNames.MEAN_FRAC, channel, b, options.binCount()));
      names.add(FeatureNames.radial(FeatureNames.RADIAL_CV, channel, b, options.binCount()));
    }
    return names;
  }

  /**
   * One channel.
   *
   * @param image intensities
   * @param channel its name
   * @param labels the objects
   * @param options the settings
   * @return 3 x bins columns
   */
  public static FeatureSet measure(FloatImage image, String channel, LabelImage labels, Options options) {
    Map<String, FloatImage> m = new LinkedHashMap<>();
    m.put(channel, image);
    return measure(m, labels, options);
  }

  /**
   * Several channels sharing one geometry computation.
   *
   * @param images name to image, in output order (an ordered map)
   * @param labels the objects
   * @param options the settings
   * @return 3 x bins columns per channel
   * @throws IllegalArgumentException on a size mismatch or a non-finite pixel
   */
  public static FeatureSet measure(Map<String, FloatImage> images, LabelImage labels, Options options) {
    return measure(images, ObjectIndex.of(labels), options);
  }

  /**
   * Several channels sharing one geometry computation, the objects indexed by the caller.
   *
   * @param images name to image, in output order (an ordered map)
   * @param idx the objects
   * @param options the settings
   * @return 3 x bins columns per channel
   * @throws IllegalArgumentException on a size mismatch or a non-finite pixel
   */
  public static FeatureSet measure(Map<String, FloatImage> images, ObjectIndex idx, Options options) {
    LabelImage labels = idx.labels;
    for (Map.Entry<String, FloatImage> e : images.entrySet()) {
      Inputs.checkName(e.getKey());
      Inputs.check(e.getValue(), e.getKey(), labels);
    }
    int bins = options.binCount();
    int n = idx.count;
    int[] bin = new int[idx.pixels.length];
    int[] sector = new int[idx.pixels.length];
    geometry(idx, labels.labels(), bins, bin, sector);
    FeatureSet.Builder b = FeatureSet.builder(n);
    for (Map.Entry<String, FloatImage> e : images.entrySet()) {
      float[] px = e.getValue().pixels();
      double[][] frac = new double[bins][n];
      double[][] meanFrac = new double[bins][n];
      double[][] cv = new double[bins][n];
      double[] hist = new double[bins];
      int[] count = new int[bins];
      double[] secSum = new double[bins * 8];
      int[] secCnt = new int[bins * 8];
      for (int o = 0; o < n; o++) {
        Arrays.fill(hist, 0);
        Arrays.fill(count, 0);
        Arrays.fill(secSum, 0);
        Arrays.fill(secCnt, 0);
        double total = 0;
        int totalCount = 0;
        for (int t = idx.start[o]; t < idx.start[o + 1]; t++) {
          int k = bin[t];
          if (k < 0) {
            continue;
          }
          double v = px[idx.pixels[t]];
          hist[k] += v;
          count[k]++;
          total += v;
          totalCount++;
          secSum[k * 8 + sector[t]] += v;
          secCnt[k * 8 + sector[t]]++;
        }
        for (int k = 0; k < bins; k++) {
          frac[k][o] = hist[k] / total;
          meanFrac[k][o] = frac[k][o] / ((double) count[k] / totalCount + EPS);
          if (totalCount == 0) {
            meanFrac[k][o] = Double.NaN;
          }
          cv[k][o] = radialCv(secSum, secCnt, k * 8);
        }
      }
      for (int k = 0; k < bins; k++) {
        b.put(FeatureNames.radial(FeatureNames.FRAC_AT_D, e.getKey(), k + 1, bins), frac[k]);
        b.put(FeatureNames.radial(FeatureNames.MEAN_FRAC, e.getKey(), k + 1, bins), meanFrac[k]);
        b.put(FeatureNames.radial(FeatureNames.RADIAL_CV, e.getKey(), k + 1, bins), cv[k]);
      }
    }
    return b.build();
  }

  private static double radialCv(double[] sum, int[] cnt, int off) {
    int m = 0;
    double mean = 0;
    for (int s = 0; s < 8; s++) {
      if (cnt[off + s] > 0) {
        mean += sum[off + s] / cnt[off + s];
        m++;
      }
    }
    if (m == 0) {
      return 0.0;
    }
    mean /= m;
    double ss = 0;
    for (int s = 0; s < 8; s++) {
      if (cnt[off + s] > 0) {
        double d = sum[off + s] / cnt[off + s] - mean;
        ss += d * d;
      }
    }
    double std = Math.sqrt(ss / m);
    return mean == 0 ? std : std / mean;
  }

  /**
   * Fills, for every object pixel (in {@link ObjectIndex} order), its bin (-1 when unreachable
   * from the centre) and its sector 0..7.
   *
   * <p>The centre follows CellProfiler 4.0.6 {@code measureobjectintensitydistribution.py}
   * ({@code do_measurement}, centre choice "These objects"): {@code d_to_edge =
   * centrosome.cpmorphology.distance_to_edge(labels)} over the whole image (0 on background), then
   * {@code i, j = maximum_position_of_labels(d_to_edge, labels, objects.indices)}, which is
   * {@code scipy.ndimage.maximum_position(d_to_edge, labels, indices)}. scipy ({@code _select})
   * argsorts the whole flattened float64 {@code d_to_edge} and keeps per label the position last
   * in that order, so among pixels tied for the largest distance the centre is the one NumPy's
   * unstable introsort puts last: {@link NumpyArgsort#maximumPosition}.
   */
  static void geometry(ObjectIndex idx, int[] lab, int bins, int[] binOut, int[] sectorOut) {
    int w = idx.width;
    int h = idx.height;
    double[] dToEdge = new double[w * h];
    double[] edge = new double[idx.pixels.length];
    for (int o = 0; o < idx.count; o++) {
      if (idx.start[o] == idx.start[o + 1]) {
        continue;
      }
      Crop k = Crop.of(idx, lab, o);
      double[] d2 = Edt.squared(k.in, k.cw, k.ch, !k.anyOut);
      for (int t = idx.start[o]; t < idx.start[o + 1]; t++) {
        int p = idx.pixels[t];
        edge[t] = Math.sqrt(d2[k.local(p, w)]);
        dToEdge[p] = edge[t];
      }
    }
    int[] centres = NumpyArgsort.maximumPosition(dToEdge, lab, idx.count);
    for (int o = 0; o < idx.count; o++) {
      int from = idx.start[o];
      int to = idx.start[o + 1];
      if (from == to) {
        continue;
      }
      Crop k = Crop.of(idx, lab, o);
      int centre = k.local(centres[o], w);
      double[] geo = geodesic(k.in, k.cw, k.ch, centre);
      int cy = centre / k.cw;
      int cx = centre % k.cw;
      for (int t = from; t < to; t++) {
        int c = k.local(idx.pixels[t], w);
        int yy = c / k.cw;
        int xx = c % k.cw;
        if (Double.isInfinite(geo[c])) {
          binOut[t] = -1;
          continue;
        }
        double r = geo[c] / (geo[c] + edge[t] + 0.001);
        int b = (int) (r * bins);
        binOut[t] = Math.min(b, bins);
        if (binOut[t] == bins) {
          binOut[t] = -1; // cannot happen with scaled bins (r < 1)
        }
        int imask = yy > cy ? 1 : 0;
        int jmask = xx > cx ? 1 : 0;
        int amask = Math.abs(yy - cy) > Math.abs(xx - cx) ? 1 : 0;
        sectorOut[t] = imask + 2 * jmask + 4 * amask;
      }
    }
  }

  /** One object's bounding box grown by one pixel (clipped to the image) and its mask there. */
  private record Crop(int x0, int y0, int cw, int ch, boolean[] in, boolean anyOut) {
    static Crop of(ObjectIndex idx, int[] lab, int o) {
      int w = idx.width;
      int x0 = Math.max(0, idx.minX[o] - 1);
      int x1 = Math.min(w - 1, idx.maxX[o] + 1);
      int y0 = Math.max(0, idx.minY[o] - 1);
      int y1 = Math.min(idx.height - 1, idx.maxY[o] + 1);
      int cw = x1 - x0 + 1;
      int ch = y1 - y0 + 1;
      boolean[] in = new boolean[cw * ch];
      boolean anyOut = false;
      for (int y = 0; y < ch; y++) {
        for (int x = 0; x < cw; x++) {
          in[y * cw + x] = lab[(y + y0) * w + x + x0] == o + 1;
          anyOut |= !in[y * cw + x];
        }
      }
      return new Crop(x0, y0, cw, ch, in, anyOut);
    }

    /** @return the crop index of image pixel {@code p} of an image {@code w} wide */
    int local(int p, int w) {
      return (p / w - y0) * cw + (p % w - x0);
    }
  }

  /**
   * Dijkstra over the true pixels with 8-neighbour steps 1 and sqrt 2. Every settled distance is
   * final (steps are positive), so the result does not depend on how the queue orders equal keys.
   */
  static double[] geodesic(boolean[] in, int w, int h, int source) {
    double[] dist = new double[in.length];
    Arrays.fill(dist, Double.POSITIVE_INFINITY);
    dist[source] = 0;
    PixelHeap heap = new PixelHeap(16);
    heap.push(0, source);
    int[] nb = new int[PixelNeighbours.MAX];
    final double s2 = Math.sqrt(2.0);
    while (!heap.isEmpty()) {
      double d = heap.peekValue();
      int p = heap.pop();
      if (d > dist[p]) {
        continue;
      }
      int nn = PixelNeighbours.of(p, w, h, true, nb);
      for (int k = 0; k < nn; k++) {
        int q = nb[k];
        if (!in[q]) {
          continue;
        }
        double nd = d + (PixelNeighbours.diagonal(p, q, w) ? s2 : 1.0);
        if (nd < dist[q]) {
          dist[q] = nd;
          heap.push(nd, q);
        }
      }
    }
    return dist;
  }
}
