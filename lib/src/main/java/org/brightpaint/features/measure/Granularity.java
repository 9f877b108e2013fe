package org.brightpaint.features.measure;

import java.util.ArrayList;
import java.util.List;
import org.brightpaint.features.FeatureSet;
import org.brightpaint.image.FloatImage;
import org.brightpaint.image.LabelImage;

/**
 * CellProfiler 4.0.6 MeasureGranularity: a granular spectrum (size distribution by greyscale
 * opening by reconstruction) for the whole image and per object, in percent.
 *
 * <p>Procedure (no image mask):
 *
 * <ol>
 *   <li>Subsample by {@code s} = {@link Options#subsampleSize()} when s &lt; 1: {@code ceil(H s) x
 *       ceil(W s)} samples at (i / s, j / s), bilinear ({@code map_coordinates(order=1)}).
 *   <li>Background: subsample that again by {@code b} = {@link Options#imageSampleSize()} when b
 *       &lt; 1, grey opening (erosion then dilation) with the disk {@code x^2 + y^2 <= r^2} of radius
 *       r = {@link Options#elementRadius()} (pixels outside the image are 1 for the erosion and 0 for
 *       the dilation, as centrosome pads), upsample bilinearly back (coordinates scaled by {@code
 *       (Hb - 1) / (Hs - 1)} with CellProfiler's fractional shapes), subtract, clip at 0.
 *   <li>Spectrum: start = mean of the corrected image; repeat n = {@link Options#spectrumLength()}
 *       times: erode the running erosion with the 4-connected cross, reconstruct it by dilation
 *       (4-connected) under the corrected image, {@code GS_i = (previous mean - current mean) * 100 /
 *       max(start, eps)}.
 *   <li>Per object: each reconstruction is upsampled bilinearly to full size and object means
 *       replace image means. CellProfiler's quirk is kept: an object's start and first previous mean
 *       are its mean in the ORIGINAL image (before background removal), so {@code Granularity_1}
 *       also contains the background drop.
 * </ol>
 *
 * <p>Names: {@code Granularity_<n>_<Channel>}, n = 1..16. Conventions (CellProfiler's): a constant
 * or all-zero image gives 0 everywhere (start is clamped to machine epsilon); a label without pixels
 * gives 0 (its means are fixed to 0). Values are percentages and can be negative for objects.
 *
 * <p>References: Ravkin I, Temov V (1988) Bit representation techniques and image processing;
 * Vincent L (1993) Morphological grayscale reconstruction in image analysis: applications and
 * efficient algorithms, IEEE Trans Image Process 2(2):176-201, https://doi.org/10.1109/83.217222;
 * CellProfiler {@code modules/measuregranularity.py} v4.0.6.
 */
public final class Granularity {
  private static final double EPS = Math.ulp(1.0);

  private Granularity() {}

  /**
   * Granularity settings (CellProfiler names in parentheses).
   *
   * @param subsampleSize "Subsampling factor for granularity measurements", in (0, 1]
   * @param imageSampleSize "Subsampling factor for background reduction", in (0, 1]
   * @param elementRadius "Radius of structuring element" in subsampled pixels, &gt;= 1
   * @param spectrumLength "Range of the granular spectrum", &gt;= 1
   */
  public record Options(double subsampleSize, double imageSampleSize, int elementRadius, int spectrumLength) {
    /** Validates the settings. */
    public Options {
      if (!(subsampleSize > 0 && subsampleSize <= 1)) {
        throw new IllegalArgumentException("Subsampling factor must be in (0, 1], got " + subsampleSize);
      }
      if (!(imageSampleSize > 0 && imageSampleSize <= 1)) {
        throw new IllegalArgumentException("Background subsampling factor must be in (0, 1], got " + imageSampleSize);
      }
      if (elementRadius < 1) {
        throw new IllegalArgumentException("Structuring element radius must be >= 1, got " + elementRadius);
      }
      if (spectrumLength < 1) {
        throw new IllegalArgumentException("Spectrum length must be >= 1, got " + spectrumLength);
      }
    }

    /** @return the CPJUMP1 settings: 0.5, 0.5, radius 10, 16 steps */
    public static Options cpjump1() {
      return new Options(0.5, 0.5, 10, 16);
    }
  }

  /**
   * The spectrum of the whole image and of each object set.
   *
   * @param image the whole-image values, one row ({@code Granularity_<n>_<Channel>})
   * @param objects one set per label image given, in the same order
   */
  public record Result(FeatureSet image, List<FeatureSet> objects) {}

  /**
   * @param channel the image name
   * @param options the settings
   * @return {@code Granularity_1_<channel> .. Granularity_<n>_<channel>}
   */
  public static List<String> featureNames(String channel, Options options) {
    List<String> names = new ArrayList<>();
    for (int i = 1; i <= options.spectrumLength(); i++) {
      names.add(FeatureNames.granularity(i, channel));
    }
    return names;
  }

  /**
   * Per-object granularity of one channel for one object set.
   *
   * @param image intensities 0..1
   * @param channel the image name
   * @param labels the objects
   * @param options the settings
   * @return {@code labels.count()} values per feature
   */
  public static FeatureSet measure(FloatImage image, String channel, LabelImage labels, Options options) {
    return measure(image, channel, List.of(labels), options).objects().get(0);
  }

  /**
   * Whole-image and per-object granularity of one channel; the spectrum is computed once and shared
   * by every object set (as CellProfiler does).
   *
   * @param image intensities 0..1
   * @param channel the image name
   * @param objectSets label images of the image's size (may be empty)
   * @param options the settings
   * @return the image row and one set per label image
   * @throws IllegalArgumentException on a size mismatch or a non-finite pixel
   */
  public static Result measure(FloatImage image, String channel, List<LabelImage> objectSets, Options options) {
    Inputs.checkName(channel);
    Inputs.requireNonNull(image, "image " + channel);
    checkInputs(image, channel, objectSets);
    return spectrum(image, Objects.of(objectSets, options), options, featureNames(channel, options));
  }

  /** The object-set checks both {@code measure} overloads make before the spectrum. */
  private static void checkInputs(FloatImage image, String channel, List<LabelImage> objectSets) {
    for (LabelImage l : objectSets) {
      Inputs.check(image, channel, l);
    }
    if (objectSets.isEmpty()) {
      Inputs.checkFinite(image, channel);
    }
  }

  /**
   * The per-object part of the spectrum that depends only on the objects, shared by every channel
   * of a site: each object's pixels, and the bilinear upsampling of a subsampled reconstruction to
   * full size folded into sparse weights over the subsampled grid (CellProfiler upsamples each
   * reconstruction with {@code map_coordinates(order=1)} and takes the object means; the weights
   * give the same means).
   */
  public static final class Objects {
    private final List<LabelImage> sets;
    private final Options options;
    private final ObjectIndex[] idx;
    private final int[][] wStart;
    private final int[][] wIdx;
    private final double[][] wVal;

    private Objects(List<LabelImage> sets, Options options, ObjectIndex[] idx, int[][] wStart, int[][] wIdx,
        double[][] wVal) {
      this.sets = sets;
      this.options = options;
      this.idx = idx;
      this.wStart = wStart;
      this.wIdx = wIdx;
      this.wVal = wVal;
    }

    /**
     * @param objectSets label images of one size (may be empty)
     * @param options the settings (their subsampling fixes the weights)
     * @return the objects' pixels and upsampling weights
     * @throws IllegalArgumentException when the label images differ in size
     */
    public static Objects of(List<LabelImage> objectSets, Options options) {
      List<ObjectIndex> indexes = new ArrayList<>();
      for (LabelImage l : objectSets) {
        indexes.add(ObjectIndex.of(l));
      }
      return ofIndexes(indexes, options);
    }

    /**
     * @param indexes the object sets, indexed by the caller, of one size (may be empty)
     * @param options the settings (their subsampling fixes the weights)
     * @return the objects' pixels and upsampling weights
     * @throws IllegalArgumentException when the label images differ in size
     */
    public static Objects ofIndexes(List<ObjectIndex> indexes, Options options) {
      List<LabelImage> objectSets = new ArrayList<>();
      for (ObjectIndex i : indexes) {
        objectSets.add(i.labels);
      }
      int sets = objectSets.size();
      ObjectIndex[] idxs = new ObjectIndex[sets];
      int[][] wStart = new int[sets][];
      int[][] wIdx = new int[sets][];
      double[][] wVal = new double[sets][];
      if (sets == 0) {
        return new Objects(List.of(), options, idxs, wStart, wIdx, wVal);
      }
      int h0 = objectSets.get(0).height();
      int w0 = objectSets.get(0).width();
      for (LabelImage l : objectSets) {
        if (l.height() != h0 || l.width() != w0) {
          throw new IllegalArgumentException("Label images differ in size: " + w0 + " x " + h0 + " and "
              + l.width() + " x " + l.height());
        }
      }
      double s = options.subsampleSize();
      Grid g = Grid.of(h0, w0, s);
      int nh = g.nh();
      int nw = g.nw();
      double ry = s < 1 ? scale(g.nhF(), h0) : 1.0;
      double rx = s < 1 ? scale(g.nwF(), w0) : 1.0;
      double[] acc = new double[nw * nh];
      int[] touched = new int[nw * nh];
      Axis rows = Axis.of(h0, ry, nh);
      Axis cols = Axis.of(w0, rx, nw);
      for (int k = 0; k < sets; k++) {
        ObjectIndex idx = indexes.get(k);
        idxs[k] = idx;
        int n = idx.count;
        wStart[k] = new int[n + 1];
        int cap = Math.max(16, idx.pixels.length);
        int[] qi = new int[cap];
        double[] qv = new double[cap];
        int m = 0;
        for (int o = 0; o < n; o++) {
          int from = idx.start[o];
          int to = idx.start[o + 1];
          int size = to - from;
          int nt = 0;
          for (int t = from; t < to; t++) {
            int p = idx.pixels[t];
            int y = p / w0;
            int x = p - y * w0;
            int ya = rows.lo[y];
            int xa = cols.lo[x];
            double fy = rows.frac[y];
            double fx = cols.frac[x];
            int yb = rows.hi[y];
            int xb = cols.hi[x];
            nt = addWeight(acc, touched, nt, ya * nw + xa, (1 - fy) * (1 - fx));
            nt = addWeight(acc, touched, nt, ya * nw + xb, (1 - fy) * fx);
            nt = addWeight(acc, touched, nt, yb * nw + xa, fy * (1 - fx));
            nt = addWeight(acc, touched, nt, yb * nw + xb, fy * fx);
          }
          if (m + nt > qi.length) {
            int c2 = Math.max(qi.length * 2, m + nt);
            qi = java.util.Arrays.copyOf(qi, c2);
            qv = java.util.Arrays.copyOf(qv, c2);
          }
          for (int t = 0; t < nt; t++) {
            int q = touched[t];
            qi[m] = q;
            qv[m++] = acc[q] / size;
            acc[q] = 0;
          }
          wStart[k][o + 1] = m;
        }
        wIdx[k] = qi;
        wVal[k] = qv;
      }
      return new Objects(List.copyOf(objectSets), options, idxs, wStart, wIdx, wVal);
    }
  }

  /** The subsampled grid: {@code ceil(H s) x ceil(W s)} and CellProfiler's fractional shape. */
  private record Grid(int nh, int nw, double nhF, double nwF) {
    static Grid of(int h0, int w0, double s) {
      if (s < 1) {
        double nhF = h0 * s;
        double nwF = w0 * s;
        return new Grid((int) Math.ceil(nhF), (int) Math.ceil(nwF), nhF, nwF);
      }
      return new Grid(h0, w0, h0, w0);
    }
  }

  /**
   * Whole-image and per-object granularity of one channel, with the objects prepared once for all
   * channels of a site ({@link Objects#of}); the same values as {@link #measure(FloatImage, String,
   * List, Options)}.
   *
   * @param image intensities 0..1
   * @param channel the image name
   * @param objects the object sets, prepared with the same options
   * @param options the settings
   * @return the image row and one set per object set
   * @throws IllegalArgumentException on a size mismatch, other options, or a non-finite pixel
   */
  public static Result measure(FloatImage image, String channel, Objects objects, Options options) {
    Inputs.checkName(channel);
    Inputs.requireNonNull(image, "image " + channel);
    if (!objects.options.equals(options)) {
      throw new IllegalArgumentException("Granularity objects were prepared for " + objects.options + ", not " + options);
    }
    checkInputs(image, channel, objects.sets);
    return spectrum(image, objects, options, featureNames(channel, options));
  }

  /** The spectrum of a checked image (see the class comment for the steps). */
  private static Result spectrum(FloatImage image, Objects objects, Options options, List<String> names) {
    List<LabelImage> objectSets = objects.sets;
    int h0 = image.height();
    int w0 = image.width();
    double[] orig = new double[w0 * h0];
    float[] px = image.pixels();
    for (int i = 0; i < orig.length; i++) {
      orig[i] = px[i];
    }
    // 1. subsample
    double s = options.subsampleSize();
    Grid grid = Grid.of(h0, w0, s);
    int nh = grid.nh();
    int nw = grid.nw();
    double nhF = grid.nhF();
    double nwF = grid.nwF();
    double[] pixels = s < 1 ? sample(orig, w0, h0, nw, nh, 1.0 / s, 1.0 / s) : orig.clone();
    // 2. background
    double b = options.imageSampleSize();
    double[] back;
    int bh;
    int bw;
    double bhF = nhF * b;
    double bwF = nwF * b;
    if (b < 1) {
      bh = (int) Math.ceil(bhF);
      bw = (int) Math.ceil(bwF);
      back = sample(pixels, nw, nh, bw, bh, 1.0 / b, 1.0 / b);
    } else {
      bh = nh;
      bw = nw;
      back = pixels.clone();
    }
    back = Morphology.diskOpen(back, bw, bh, options.elementRadius());
    if (b < 1) {
      back = sample(back, bw, bh, nw, nh, scale(bhF, nhF), scale(bwF, nwF));
    }
    for (int i = 0; i < pixels.length; i++) {
      double v = pixels[i] - back[i];
      pixels[i] = v < 0 ? 0 : v;
    }
    // per-object start means from the original image; the upsampling weights are shared
    int sets = objectSets.size();
    double[][] current = new double[sets][];
    double[][] startMean = new double[sets][];
    double[][][] values = new double[sets][][];
    int[][] wStart = objects.wStart;
    int[][] wIdx = objects.wIdx;
    double[][] wVal = objects.wVal;
    for (int k = 0; k < sets; k++) {
      ObjectIndex idx = objects.idx[k];
      int n = idx.count;
      values[k] = new double[options.spectrumLength()][n];
      current[k] = new double[n];
      startMean[k] = new double[n];
      for (int o = 0; o < n; o++) {
        int from = idx.start[o];
        int to = idx.start[o + 1];
        int size = to - from;
        double sum = 0;
        for (int t = from; t < to; t++) {
          sum += orig[idx.pixels[t]];
        }
        current[k][o] = size == 0 ? 0 : sum / size;
        startMean[k][o] = Math.max(current[k][o], EPS);
      }
    }
    // 3. spectrum
    int ng = options.spectrumLength();
    double[] gsImage = new double[ng];
    double start = mean(pixels);
    double currentMean = start;
    start = Math.max(start, EPS);
    // erosions and reconstructions only compare values: run them on ranks (pad 1.0 included)
    Morphology.Ranked ranked = Morphology.Ranked.of(pixels, 1.0);
    double[] levelValue = ranked.values();
    int one = ranked.rankOf(1.0);
    Morphology.Reconstruction reconstruction = new Morphology.Reconstruction(ranked.ranks(), nw, nh);
    // the erosions first; then the reconstructions from the smallest marker up, each raised from
    // the next step's reconstruction (rec_{i+1} <= rec_i, see Morphology.Reconstruction#raise): the
    // same reconstructions with far less propagation. Means are stored per step and differenced in
    // CellProfiler's order afterwards, so every value is computed by the same operations.
    int[][] ero = new int[ng + 1][];
    ero[0] = ranked.ranks();
    for (int i = 1; i <= ng; i++) {
      ero[i] = new int[ero[0].length];
      Morphology.crossErode(ero[i - 1], nw, nh, one, ero[i]);
    }
    double[] imageMean = new double[ng + 1];
    double[][][] objectMean = new double[sets][ng + 1][];
    double[] recValue = new double[ero[0].length];
    for (int i = ng; i >= 1; i--) {
      if (i == ng) {
        reconstruction.run(ero[i]);
      } else {
        reconstruction.raise(ero[i]);
      }
      double sum = reconstruction.values(levelValue, recValue);
      imageMean[i] = sum / recValue.length;
      for (int k = 0; k < sets; k++) {
        int n = current[k].length;
        int[] qi = wIdx[k];
        double[] qv = wVal[k];
        double[] means = new double[n];
        for (int o = 0; o < n; o++) {
          int from = wStart[k][o];
          int to = wStart[k][o + 1];
          double newMean = 0;
          for (int t = from; t < to; t++) {
            newMean += qv[t] * recValue[qi[t]];
          }
          means[o] = newMean;
        }
        objectMean[k][i] = means;
      }
    }
    for (int i = 1; i <= ng; i++) {
      double prev = currentMean;
      currentMean = imageMean[i];
      gsImage[i - 1] = (prev - currentMean) * 100 / start;
      for (int k = 0; k < sets; k++) {
        int n = current[k].length;
        for (int o = 0; o < n; o++) {
          double newMean = objectMean[k][i][o];
          values[k][i - 1][o] = (current[k][o] - newMean) * 100 / startMean[k][o];
          current[k][o] = newMean;
        }
      }
    }
    FeatureSet.Builder ib = FeatureSet.builder(1);
    for (int i = 0; i < ng; i++) {
      ib.put(names.get(i), new double[] {gsImage[i]});
    }
    List<FeatureSet> perSet = new ArrayList<>();
    for (int k = 0; k < sets; k++) {
      FeatureSet.Builder ob = FeatureSet.builder(current[k].length);
      for (int i = 0; i < ng; i++) {
        ob.put(names.get(i), values[k][i]);
      }
      perSet.add(ob.build());
    }
    return new Result(ib.build(), List.copyOf(perSet));
  }

  private static int addWeight(double[] acc, int[] touched, int nt, int q, double wgt) {
    if (wgt == 0) {
      return nt;
    }
    if (acc[q] == 0) {
      touched[nt++] = q;
    }
    acc[q] += wgt;
    return nt;
  }

  /** CellProfiler's coordinate scale {@code (from - 1) / (to - 1)} with fractional shapes. */
  private static double scale(double fromShape, double toShape) {
    return toShape - 1 == 0 ? 0 : (fromShape - 1) / (toShape - 1);
  }

  private static double mean(double[] a) {
    double s = 0;
    for (double v : a) {
      s += v;
    }
    return s / a.length;
  }

  /**
   * Samples {@code src} at (i * fy, j * fx) for an {@code outW x outH} grid, bilinearly
   * ({@code map_coordinates(order=1)}): the value {@code src[y0][x0]} when both fractions are 0,
   * else {@code (1 - f) ((1 - e) a + e b) + f ((1 - e) c + e d)} over the four neighbours, with
   * the rows' and columns' terms from {@link Axis}.
   */
  private static double[] sample(double[] src, int w, int h, int outW, int outH, double fy, double fx) {
    Axis rows = Axis.of(outH, fy, h);
    Axis cols = Axis.of(outW, fx, w);
    double[] out = new double[outW * outH];
    for (int i = 0; i < outH; i++) {
      double f = rows.frac[i];
      int row0 = rows.lo[i] * w;
      int row1 = rows.hi[i] * w;
      for (int j = 0; j < outW; j++) {
        double a = src[row0 + cols.lo[j]];
        double e = cols.frac[j];
        out[i * outW + j] = e == 0 && f == 0 ? a
            : (1 - f) * ((1 - e) * a + e * src[row0 + cols.hi[j]])
                + f * ((1 - e) * src[row1 + cols.lo[j]] + e * src[row1 + cols.hi[j]]);
      }
    }
    return out;
  }

  /**
   * Linear interpolation along one axis, shared by the sampling and the objects' upsampling
   * weights: sample i sits at {@code c = i * step} clamped to {@code [0, size - 1]}, between
   * {@code lo = floor(c)} and {@code hi = min(lo + 1, size - 1)}, at fraction {@code c - lo}.
   */
  private record Axis(int[] lo, int[] hi, double[] frac) {
    static Axis of(int n, double step, int size) {
      int[] lo = new int[n];
      int[] hi = new int[n];
      double[] frac = new double[n];
      for (int i = 0; i < n; i++) {
        double c = i * step;
        c = c < 0 ? 0 : (c > size - 1 ? size - 1 : c);
        lo[i] = (int) c;
        frac[i] = c - lo[i];
        hi[i] = Math.min(lo[i] + 1, size - 1);
      }
      return new Axis(lo, hi, frac);
    }
  }
}
