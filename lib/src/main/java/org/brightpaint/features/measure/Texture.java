package org.brightpaint.features.measure;

import java.util.List;
import org.brightpaint.features.FeatureSet;
import org.brightpaint.image.FloatImage;
import org.brightpaint.image.LabelImage;

/**
 * CellProfiler 4.0.6 MeasureTexture: Haralick's 13 co-occurrence features (see {@link Glcm}) per
 * object, or for the whole image, for every scale and the four 2-D directions.
 *
 * <p>Procedure (as CellProfiler with mahotas): the image (0..1) is quantised once per image to
 * {@code u = rint(255 x)} clipped to 0..255 (skimage {@code img_as_ubyte}; values outside 0..1 are
 * clipped where skimage would raise); for other grey-level counts L, {@code u = floor(u (L-1) /
 * 255)}. For an object, pixel pairs (p, p + d*(dy, dx)) count when both pixels belong to the object
 * and both grey values are non-zero (mahotas {@code ignore_zeros} on the bounding-box crop with
 * pixels outside the object set to 0, so object pixels that quantise to 0 are ignored too).
 * Directions (dy, dx): {@code 00} = (0, 1), {@code 01} = (1, 1), {@code 02} = (1, 0), {@code 03} =
 * (1, -1). The whole-image variant counts every pair inside the image, zeros included.
 *
 * <p>Names: {@code Texture_<Feature>_<Channel>_<scale>_<dd>_<levels>}, e.g. {@code
 * Texture_SumEntropy_ER_3_00_256}; order feature, scale, direction (CellProfiler's column order).
 *
 * <p>Non-finite values: when any of the four directions of a scale has no pair, mahotas raises and
 * CellProfiler records NaN for all 52 values of that object and scale; a Correlation whose
 * variance is a tiny negative rounding error is NaN. CellProfiler then STORES every non-finite
 * texture value as 0, which is what {@link Options#zeroNonFinite()} {@code = true} (the default
 * presets) reproduces; with {@code false} they stay NaN. Labels without pixels are treated as
 * objects without pairs (CellProfiler mis-aligns such gaps).
 *
 * <p>References: Haralick RM et al. (1973) https://doi.org/10.1109/TSMC.1973.4309314; CellProfiler
 * {@code modules/measuretexture.py} v4.0.6.
 */
public final class Texture {
  private static final int[][] DIRECTIONS = {{0, 1}, {1, 1}, {1, 0}, {1, -1}};

  private Texture() {}

  /**
   * Texture settings.
   *
   * @param scales texture scales in pixels (distances), each &gt;= 1, no duplicates
   * @param grayLevels grey levels, 2..256
   * @param zeroNonFinite store non-finite values as 0 as CellProfiler does
   */
  public record Options(List<Integer> scales, int grayLevels, boolean zeroNonFinite) {
    /** Validates the settings. */
    public Options {
      if (scales == null || scales.isEmpty()) {
        throw new IllegalArgumentException("Texture needs at least one scale");
      }
      scales = List.copyOf(scales);
      if (scales.stream().anyMatch(s -> s < 1)) {
        throw new IllegalArgumentException("Texture scales must be >= 1, got " + scales);
      }
      if (scales.stream().distinct().count() != scales.size()) {
        throw new IllegalArgumentException("Duplicate texture scale in " + scales);
      }
      if (grayLevels < 2 || grayLevels > 256) {
        throw new IllegalArgumentException("Gray levels must be in 2..256, got " + grayLevels);
      }
    }

    /** @return the CPJUMP1 settings: scales 3, 5, 10; 256 levels; non-finite stored as 0 */
    public static Options cpjump1() {
      return new Options(List.of(3, 5, 10), 256, true);
    }
  }

  /**
   * The feature names for one channel, in output order.
   *
   * @param channel the image name, e.g. "ER"
   * @param options the settings
   * @return 13 x scales x 4 names
   */
  public static List<String> featureNames(String channel, Options options) {
    java.util.ArrayList<String> names = new java.util.ArrayList<>();
    for (String f : FeatureNames.HARALICK) {
      for (int s : options.scales()) {
        for (int d = 0; d < 4; d++) {
          names.add(FeatureNames.texture(f, channel, s, d, options.grayLevels()));
        }
      }
    }
    return names;
  }

  /**
   * Per-object texture of one channel.
   *
   * @param image intensities 0..1, same size as {@code labels}
   * @param channel the image name used in feature names
   * @param labels the objects
   * @param options the settings
   * @return one column per name of {@link #featureNames}, {@code labels.count()} values each
   * @throws IllegalArgumentException on a size mismatch or a non-finite pixel
   */
  public static FeatureSet measure(FloatImage image, String channel, LabelImage labels, Options options) {
    Inputs.checkName(channel);
    Inputs.check(image, channel, labels);
    return measure(Grey.of(image, channel, options.grayLevels()), channel, labels, options);
  }

  /**
   * An image quantised once ({@link #quantize}) and shared by every object set and the whole-image
   * texture of that image.
   *
   * @param width columns
   * @param height rows
   * @param grayLevels the number of grey levels
   * @param levels per pixel, 0 .. grayLevels - 1, {@code height x width} row-major
   */
  public record Grey(int width, int height, int grayLevels, int[] levels) {
    /**
     * @param image intensities 0..1
     * @param channel the image name (for messages)
     * @param grayLevels 2..256
     * @return the quantised image
     * @throws IllegalArgumentException on a non-finite pixel
     */
    public static Grey of(FloatImage image, String channel, int grayLevels) {
      Inputs.checkName(channel);
      Inputs.requireNonNull(image, "image " + channel);
      Inputs.checkFinite(image, channel);
      return new Grey(image.width(), image.height(), grayLevels, quantize(image, grayLevels));
    }
  }

  /**
   * Per-object texture of one quantised channel ({@link #measure(FloatImage, String, LabelImage,
   * Options)} after quantising).
   *
   * @param image the quantised image, same size as {@code labels}, {@code options.grayLevels()} levels
   * @param channel the image name used in feature names
   * @param labels the objects
   * @param options the settings
   * @return one column per name of {@link #featureNames}, {@code labels.count()} values each
   * @throws IllegalArgumentException on a size or grey-level mismatch
   */
  public static FeatureSet measure(Grey image, String channel, LabelImage labels, Options options) {
    Inputs.checkName(channel);
    Inputs.requireNonNull(labels, "labels");
    checkGrey(image, channel, labels.width(), labels.height(), options);
    return measure(image, channel, Objects.of(labels), options);
  }

  /**
   * The objects of one label image with their pixels grouped once ({@link ObjectIndex}), and per
   * scale which of their pixel pairs count ({@link #partners}), shared by the per-object texture of
   * every channel of a site.
   */
  public static final class Objects {
    private final LabelImage labels;
    /** Null when there are no objects. */
    private final ObjectIndex idx;
    /** Per scale, {@link #partners(int)}, computed on first use. */
    private final java.util.Map<Integer, byte[]> partners = new java.util.HashMap<>();

    private Objects(LabelImage labels, ObjectIndex idx) {
      this.labels = labels;
      this.idx = idx;
    }

    /**
     * Which pixel pairs of one scale count, the same for every channel: per pixel (x, y) of {@link
     * ObjectIndex#pixels}, bit d set when its partner {@code (x + scale dx, y + scale dy)}, with
     * {@code (dy, dx) = DIRECTIONS[d]}, is inside the image and in the same object (the tests the
     * per-direction loop made for every channel). Thread-safe (the channels of a site may be
     * measured in parallel).
     *
     * @param scale the texture scale
     * @return the bits, one byte per object pixel
     */
    synchronized byte[] partners(int scale) {
      return partners.computeIfAbsent(scale, s -> {
        int[] lab = labels.labels();
        int w = labels.width();
        int[] dx = new int[4];
        int[] offset = new int[4];
        for (int d = 0; d < 4; d++) {
          dx[d] = DIRECTIONS[d][1] * s;
          offset[d] = offset(d, w, s);
        }
        byte[] bits = new byte[idx.pixels.length];
        for (int o = 0; o < idx.count; o++) {
          int l = o + 1;
          for (int t = idx.start[o]; t < idx.start[o + 1]; t++) {
            int p = idx.pixels[t];
            int x = p % w;
            int b = 0;
            for (int d = 0; d < 4; d++) {
              int x2 = x + dx[d];
              int q = p + offset[d];
              // directions point down or along the row: q >= 0 once x2 is inside the row
              if (x2 >= 0 && x2 < w && q < lab.length && lab[q] == l) {
                b |= 1 << d;
              }
            }
            bits[t] = (byte) b;
          }
        }
        return bits;
      });
    }

    /**
     * @param labels the objects
     * @return them indexed
     * @throws IllegalArgumentException on a label outside {@code 0..labels.count()}
     */
    public static Objects of(LabelImage labels) {
      Inputs.requireNonNull(labels, "labels");
      return new Objects(labels, labels.count() > 0 ? ObjectIndex.of(labels) : null);
    }

    /**
     * @param index the objects, indexed by the caller
     * @return them, for every channel's texture
     */
    public static Objects of(ObjectIndex index) {
      Inputs.requireNonNull(index, "objects");
      return new Objects(index.labels, index.count > 0 ? index : null);
    }
  }

  /**
   * Per-object texture of one quantised channel with the objects indexed once for all channels;
   * the same values as {@link #measure(Grey, String, LabelImage, Options)}.
   *
   * @param image the quantised image, same size as the labels, {@code options.grayLevels()} levels
   * @param channel the image name used in feature names
   * @param objects the objects
   * @param options the settings
   * @return one column per name of {@link #featureNames}, one value per object each
   * @throws IllegalArgumentException on a size or grey-level mismatch
   */
  public static FeatureSet measure(Grey image, String channel, Objects objects, Options options) {
    Inputs.checkName(channel);
    LabelImage labels = objects.labels;
    checkGrey(image, channel, labels.width(), labels.height(), options);
    int n = labels.count();
    int nScales = options.scales().size();
    int perObject = Glcm.FEATURES * nScales * 4;
    double[][] cols = new double[perObject][n];
    if (n > 0) {
      int[] grey = image.levels();
      ObjectIndex idx = objects.idx;
      int w = image.width();
      byte[][] partners = new byte[nScales][];
      for (int si = 0; si < nScales; si++) {
        partners[si] = objects.partners(options.scales().get(si));
      }
      Glcm g0 = Glcm.create(options.grayLevels());
      Glcm g1 = Glcm.create(options.grayLevels());
      Glcm g2 = Glcm.create(options.grayLevels());
      Glcm g3 = Glcm.create(options.grayLevels());
      Glcm[] four = {g0, g1, g2, g3};
      double[] feats = new double[Glcm.FEATURES * 4];
      for (int o = 0; o < n; o++) {
        int from = idx.start[o];
        int to = idx.start[o + 1];
        int maxGrey = 0;
        for (int t = from; t < to; t++) {
          maxGrey = Math.max(maxGrey, grey[idx.pixels[t]]);
        }
        for (int si = 0; si < nScales; si++) {
          int s = options.scales().get(si);
          int o0 = offset(0, w, s);
          int o1 = offset(1, w, s);
          int o2 = offset(2, w, s);
          int o3 = offset(3, w, s);
          byte[] partner = partners[si];
          for (Glcm g : four) {
            g.clear();
          }
          // one pass for the four directions: each matrix still gets exactly its pairs (partner in
          // the object and inside the image, both values non-zero) in raster order, so its counts
          // and first-occurrence order, hence its features, are those of a pass per direction
          for (int t = from; t < to; t++) {
            int bits = partner[t];
            if (bits == 0) {
              continue;
            }
            int p = idx.pixels[t];
            int a = grey[p];
            if (a == 0) {
              continue;
            }
            if ((bits & 1) != 0 && grey[p + o0] != 0) {
              g0.add(a, grey[p + o0]);
            }
            if ((bits & 2) != 0 && grey[p + o1] != 0) {
              g1.add(a, grey[p + o1]);
            }
            if ((bits & 4) != 0 && grey[p + o2] != 0) {
              g2.add(a, grey[p + o2]);
            }
            if ((bits & 8) != 0 && grey[p + o3] != 0) {
              g3.add(a, grey[p + o3]);
            }
          }
          // mahotas raises when one direction has no pair: the whole scale is NaN
          boolean empty = false;
          for (int d = 0; d < 4 && !empty; d++) {
            if (four[d].pairCount() == 0) {
              empty = true;
            } else {
              four[d].haralick(maxGrey + 1, feats, d * Glcm.FEATURES);
            }
          }
          for (int d = 0; d < 4; d++) {
            for (int f = 0; f < Glcm.FEATURES; f++) {
              double v = empty ? Double.NaN : feats[d * Glcm.FEATURES + f];
              if (options.zeroNonFinite() && !Double.isFinite(v)) {
                v = 0.0;
              }
              cols[(f * nScales + si) * 4 + d][o] = v;
            }
          }
        }
      }
    }
    return build(channel, options, n, cols);
  }

  /**
   * Per-object texture of several channels, concatenated in the map's order.
   *
   * @param images name to image (an ordered map), each the size of {@code labels}
   * @param labels the objects
   * @param options the settings
   * @return {@code 13 x scales x 4} columns per channel
   */
  public static FeatureSet measure(java.util.Map<String, FloatImage> images, LabelImage labels, Options options) {
    FeatureSet.Builder b = FeatureSet.builder(labels.count());
    for (java.util.Map.Entry<String, FloatImage> e : images.entrySet()) {
      b.putAll(measure(e.getValue(), e.getKey(), labels, options));
    }
    return b.build();
  }

  /**
   * Whole-image texture of one channel (CellProfiler's Image-table {@code Texture_*} columns):
   * every pixel pair inside the image counts, zeros included.
   *
   * @param image intensities 0..1
   * @param channel the image name
   * @param options the settings
   * @return a set with one row (objectCount 1)
   * @throws IllegalArgumentException on a non-finite pixel
   */
  public static FeatureSet measureImage(FloatImage image, String channel, Options options) {
    return measureImage(Grey.of(image, channel, options.grayLevels()), channel, options);
  }

  /**
   * Whole-image texture of one quantised channel.
   *
   * @param image the quantised image, {@code options.grayLevels()} levels
   * @param channel the image name
   * @param options the settings
   * @return a set with one row (objectCount 1)
   * @throws IllegalArgumentException on a grey-level mismatch
   */
  public static FeatureSet measureImage(Grey image, String channel, Options options) {
    Inputs.checkName(channel);
    Inputs.requireNonNull(image, "image " + channel);
    checkGrey(image, channel, image.width(), image.height(), options);
    int nScales = options.scales().size();
    double[][] cols = new double[Glcm.FEATURES * nScales * 4][1];
    int[] grey = image.levels();
    int maxGrey = 0;
    for (int g : grey) {
      maxGrey = Math.max(maxGrey, g);
    }
    double[] feats = new double[Glcm.FEATURES];
    // one matrix for every displacement, the image checked once
    Glcm g = Glcm.forImage(grey, image.width(), image.height(), options.grayLevels());
    for (int si = 0; si < nScales; si++) {
      int s = options.scales().get(si);
      for (int d = 0; d < 4; d++) {
        g.clear();
        g.addImagePairs(grey, image.width(), image.height(), DIRECTIONS[d][0] * s, DIRECTIONS[d][1] * s);
        g.haralick(maxGrey + 1, feats, 0);
        for (int f = 0; f < Glcm.FEATURES; f++) {
          double v = feats[f];
          if (options.zeroNonFinite() && !Double.isFinite(v)) {
            v = 0.0;
          }
          cols[(f * nScales + si) * 4 + d][0] = v;
        }
      }
    }
    return build(channel, options, 1, cols);
  }

  /**
   * Quantises an image as CellProfiler does before calling mahotas.
   *
   * <p>{@code u = rint(255 x)} clipped to 0..255, computed as {@code rint} of {@code 255 x} clipped
   * to [0, 255] first, which is the same: rint maps [0, 255] into 0..255 and is monotone, values
   * below 0 (or NaN, which max/min propagate and the int cast turns into 0) give 0 either way, and
   * values above 255 give 255 either way. The clip before rounding has no branch, which makes the
   * loop several times faster.
   *
   * @param image intensities 0..1
   * @param grayLevels 2..256
   * @return grey values in {@code 0..grayLevels-1}
   */
  public static int[] quantize(FloatImage image, int grayLevels) {
    float[] px = image.pixels();
    int[] out = new int[px.length];
    for (int i = 0; i < px.length; i++) {
      out[i] = (int) Math.rint(Math.min(Math.max(255.0 * px[i], 0.0), 255.0));
    }
    if (grayLevels != 256) {
      for (int i = 0; i < out.length; i++) {
        out[i] = (int) (out[i] / 255.0 * (grayLevels - 1));
      }
    }
    return out;
  }

  /**
   * @return the index offset of direction {@code d}'s partner at scale {@code s}, image {@code w}
   *     wide
   */
  private static int offset(int d, int w, int s) {
    return (DIRECTIONS[d][0] * w + DIRECTIONS[d][1]) * s;
  }

  private static void checkGrey(Grey image, String channel, int w, int h, Options options) {
    if (image.width() != w || image.height() != h) {
      throw new IllegalArgumentException("Image " + channel + " is " + image.width() + " x " + image.height()
          + " but the label image is " + w + " x " + h);
    }
    if (image.grayLevels() != options.grayLevels()) {
      throw new IllegalArgumentException("Image " + channel + " was quantised to " + image.grayLevels()
          + " grey levels but the texture settings ask for " + options.grayLevels());
    }
  }

  private static FeatureSet build(String channel, Options options, int n, double[][] cols) {
    FeatureSet.Builder b = FeatureSet.builder(n);
    List<String> names = featureNames(channel, options);
    for (int i = 0; i < names.size(); i++) {
      b.put(names.get(i), cols[i]);
    }
    return b.build();
  }
}
