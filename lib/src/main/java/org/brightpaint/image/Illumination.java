package org.brightpaint.image;

import java.util.Arrays;

/**
 * Illumination correction the CellProfiler way (CPJUMP1_illum.cppipe; see
 * ../shared/specs/cellprofiler-features.md): a per-plate, per-channel function computed from all
 * of the plate's images, then each image divided by it.
 *
 * <p>Computing: resize each image by 0.2 (bilinear, anti-aliased), average them ("All: across
 * cycles"), median filter with a disk of radius 9 (filter size 20), rescale by the robust minimum
 * of the positive pixels (values below it lifted to 1), resize back to the full size.
 *
 * <p>CellProfiler source followed (cellprofiler/modules/correctilluminationcalculate.py, CellProfiler
 * commit e3ef514d): {@code smooth_plane}, branch {@code SM_MEDIAN_FILTER}: disk radius
 * {@code max(1, int(sigma + 0.5))} with {@code sigma = filter size / 2.35} (20 / 2.35 gives 9);
 * {@code apply_scaling}, option "Yes": the robust minimum is the sorted positive values at index
 * {@code int(n * 0.02)} (ROBUST_FACTOR), values below it are raised to it, then all are divided by
 * it; {@code CorrectIlluminationImageProvider.calculate_image}: average, dilate (off in CPJUMP1),
 * smooth, scale. Difference kept: CellProfiler quantises the averaged image to uint16 before
 * skimage's median; we filter the float values.
 */
public final class Illumination {

  /** Downscale factor of the illumination pipeline. */
  public static final double SCALE = 0.2;
  /** Median filter disk radius (CellProfiler's filter size 20). */
  public static final int MEDIAN_RADIUS = 9;

  private Illumination() {}

  /**
   * Divides an image by an illumination function.
   *
   * @param image the image (counts or any scale)
   * @param function the function, same size, values &gt; 0
   * @return {@code image / function}
   * @throws IllegalArgumentException on a size mismatch or a non-positive function value
   */
  public static FloatImage apply(FloatImage image, FloatImage function) {
    image.requireSameSize(function, "Illumination function");
    float[] a = image.pixels();
    float[] f = function.pixels();
    float[] out = new float[a.length];
    for (int i = 0; i < a.length; i++) {
      if (!(f[i] > 0) || Float.isInfinite(f[i])) {
        throw new IllegalArgumentException("Illumination function value " + f[i] + " at index " + i + " is not finite and > 0");
      }
      out[i] = a[i] / f[i];
    }
    return new FloatImage(image.width(), image.height(), out);
  }

  /**
   * Multiplies an illumination function back into a corrected image: the inverse of
   * {@link #apply}, used to write predictions in the plate's raw intensity space.
   *
   * @param corrected the corrected image ({@code counts / function})
   * @param function the function, same size, values &gt; 0
   * @return {@code corrected * function}
   * @throws IllegalArgumentException on a size mismatch or a non-positive function value
   */
  public static FloatImage restore(FloatImage corrected, FloatImage function) {
    corrected.requireSameSize(function, "Illumination function");
    float[] a = corrected.pixels();
    float[] f = function.pixels();
    float[] out = new float[a.length];
    for (int i = 0; i < a.length; i++) {
      if (!(f[i] > 0) || Float.isInfinite(f[i])) {
        throw new IllegalArgumentException("Illumination function value " + f[i] + " at index " + i + " is not finite and > 0");
      }
      out[i] = a[i] * f[i];
    }
    return new FloatImage(corrected.width(), corrected.height(), out);
  }

  /**
   * CorrectIlluminationApply as CellProfiler does it on 16-bit images: counts scaled to [0, 1]
   * (divided by 65535), divided by the function, clipped to [0, 1].
   *
   * @param counts raw 16-bit counts
   * @param function the illumination function
   * @return the corrected image in [0, 1]
   */
  public static FloatImage applyCellProfiler(FloatImage counts, FloatImage function) {
    FloatImage c = apply(counts, function);
    float[] p = c.pixels();
    for (int i = 0; i < p.length; i++) {
      p[i] = Math.max(0f, Math.min(1f, p[i] / 65535f));
    }
    return c;
  }

  /**
   * Accumulates the downscaled images of a plate one at a time, so a plate never sits in memory.
   * Safe for concurrent {@link #add} calls (each image is downscaled outside the lock).
   */
  public static final class Accumulator {
    private final int width;
    private final int height;
    private final int sw;
    private final int sh;
    private final double[] sum;
    private int count;

    /**
     * @param width full image width
     * @param height full image height
     */
    public Accumulator(int width, int height) {
      this.width = width;
      this.height = height;
      this.sw = Math.max(1, (int) Math.round(width * SCALE));
      this.sh = Math.max(1, (int) Math.round(height * SCALE));
      this.sum = new double[sw * sh];
    }

    /**
     * Adds one image.
     *
     * @param image an image of the plate, full size
     * @return this
     */
    public Accumulator add(FloatImage image) {
      if (image.width() != width || image.height() != height) {
        throw new IllegalArgumentException("Image of " + image.width() + " x " + image.height()
            + " in an illumination set of " + width + " x " + height);
      }
      return addDownsampled(downsample(image));
    }

    /**
     * The first step of {@link #add} alone (pure, safe in parallel): the image resized by
     * {@link #SCALE}. Adding the results with {@link #addDownsampled} in a fixed order gives the
     * same bytes whatever the thread schedule.
     *
     * @param image an image of this set's size
     * @return the downsampled pixels
     */
    public float[] downsample(FloatImage image) {
      if (image.width() != width || image.height() != height) {
        throw new IllegalArgumentException("Image of " + image.width() + " x " + image.height()
            + " in an illumination set of " + width + " x " + height);
      }
      return Resize.bilinear(image, sw, sh, true).pixels();
    }

    /**
     * @param s pixels from {@link #downsample}
     * @return this
     */
    public synchronized Accumulator addDownsampled(float[] s) {
      if (s.length != sum.length) throw new IllegalArgumentException("Downsampled image of " + s.length + " pixels, expected " + sum.length);
      for (int i = 0; i < s.length; i++) {
        sum[i] += s[i];
      }
      count++;
      return this;
    }

    /**
     * The illumination function of the images added so far.
     *
     * @return the function at full size, values &gt;= 1
     * @throws IllegalStateException when no image was added
     */
    public synchronized FloatImage result() {
      if (count == 0) {
        throw new IllegalStateException("No images added: cannot compute an illumination function");
      }
      float[] mean = new float[sum.length];
      for (int i = 0; i < sum.length; i++) {
        mean[i] = (float) (sum[i] / count);
      }
      FloatImage med = Filters.medianDisk(new FloatImage(sw, sh, mean), MEDIAN_RADIUS);
      float[] m = med.pixels();
      float[] positive = Arrays.copyOf(m, m.length);
      int np = 0;
      for (float v : m) {
        if (v > 0) {
          positive[np++] = v;
        }
      }
      // CellProfiler's apply_scaling: robust minimum = sorted positive values[int(n * 0.02)], no interpolation
      float[] pos = Arrays.copyOf(positive, np);
      Arrays.sort(pos);
      double p2 = np == 0 ? 1 : pos[(int) (np * 0.02)];
      float[] r = new float[m.length];
      for (int i = 0; i < m.length; i++) {
        r[i] = (float) Math.max(1, m[i] / p2);
      }
      return Resize.bilinear(new FloatImage(sw, sh, r), width, height, false);
    }
  }

  /**
   * Computes the function of a set of images.
   *
   * @param images the plate's images of one channel
   * @return the function
   */
  public static FloatImage compute(Iterable<FloatImage> images) {
    Accumulator acc = null;
    for (FloatImage img : images) {
      if (acc == null) {
        acc = new Accumulator(img.width(), img.height());
      }
      acc.add(img);
    }
    if (acc == null) {
      throw new IllegalArgumentException("No images: cannot compute an illumination function");
    }
    return acc.result();
  }
}
