package org.brightpaint.data;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.brightpaint.config.RunSize;
import org.brightpaint.data.io.ImageSource;
import org.brightpaint.image.FloatImage;
import org.brightpaint.image.Illumination;
import org.brightpaint.image.PercentileNormalization;
import org.brightpaint.image.Resize;

/**
 * The seed paper's preprocessing of one site: load each channel, divide by the plate's
 * illumination function (when the source has one and correction is on), resize by area averaging
 * to {@code outputSize}, normalise each channel by its own percentiles to [-1, 1].
 *
 * @param outputSize output width and height in pixels (512 in the paper; the input size keeps it)
 * @param normalization the percentile normalisation
 * @param correctIllumination divide by the plate's illumination functions
 */
public record Preprocessing(int outputSize, PercentileNormalization normalization, boolean correctIllumination) {

  /** Validates. */
  public Preprocessing {
    if (outputSize <= 0) {
      throw new IllegalArgumentException("Output size must be positive, got " + outputSize);
    }
    if (normalization == null) {
      throw new IllegalArgumentException("Normalisation is required");
    }
  }

  /** @return the paper's recipe: 512 px, 0.5/99.5 percentiles clipped, illumination corrected */
  public static Preprocessing paper() {
    return new Preprocessing(512, PercentileNormalization.paper(), true);
  }

  /**
   * The preset of a run size: FULL and PAPER_SIZE are {@link #paper()}; CI keeps the CI plates'
   * 256 px and otherwise matches the paper.
   *
   * @param size the run size
   * @return the preprocessing
   */
  public static Preprocessing of(RunSize size) {
    return size != RunSize.CI ? paper() : new Preprocessing(256, PercentileNormalization.paper(), true);
  }

  /**
   * A preprocessed site: every channel normalised, plus the scaling that undoes it.
   *
   * @param site the site
   * @param size output width and height
   * @param sourceWidth width of the site's images as read, in pixels (predictions are written back at it)
   * @param sourceHeight height of the site's images as read, in pixels
   * @param channels the normalised images by channel
   * @param scalings per channel, the percentile values that map to -1 and +1 (after illumination
   *     correction and resizing; invert with {@link PercentileNormalization#invert})
   */
  public record Prepared(Site site, int size, int sourceWidth, int sourceHeight, Map<Channel, FloatImage> channels,
      Map<Channel, PercentileNormalization.Scaling> scalings) {

    /** Checks the sizes and copies. */
    public Prepared {
      if (size < 1 || sourceWidth < 1 || sourceHeight < 1) {
        throw new IllegalArgumentException("Sizes must be positive, got " + size + ", " + sourceWidth + " x " + sourceHeight);
      }
      channels = Map.copyOf(channels);
      scalings = Map.copyOf(scalings);
    }

    /**
     * The channels stacked channel-first.
     *
     * @param order the channels, e.g. {@link Channel#BRIGHTFIELD_INPUTS} or {@link Channel#FLUORESCENT}
     * @return {@code [order.size(), size, size]} values, row-major per channel
     */
    public float[] stack(List<Channel> order) {
      int n = size * size;
      float[] out = new float[order.size() * n];
      for (int c = 0; c < order.size(); c++) {
        FloatImage img = channels.get(order.get(c));
        if (img == null) {
          throw new IllegalArgumentException("Site " + site.id() + " has no " + order.get(c).cpName() + " channel");
        }
        System.arraycopy(img.pixels(), 0, out, c * n, n);
      }
      return out;
    }
  }

  /**
   * Preprocesses the given channels of a site.
   *
   * @param source where the images come from
   * @param site the site
   * @param channels the channels to load
   * @return the prepared site
   * @throws IllegalArgumentException naming the file when an image is missing, corrupt, of a
   *     different size than the site's other channels or holds NaN
   */
  public Prepared apply(ImageSource source, Site site, List<Channel> channels) {
    Map<Channel, FloatImage> out = new TreeMap<>();
    Map<Channel, PercentileNormalization.Scaling> sc = new TreeMap<>();
    int w = -1;
    int h = -1;
    for (Channel c : channels) {
      FloatImage img = source.read(site, c);
      if (w < 0) {
        w = img.width();
        h = img.height();
      } else if (img.width() != w || img.height() != h) {
        throw new IllegalArgumentException(c.cpName() + " of " + site.id() + " is " + img.width() + " x " + img.height()
            + " but the site's other channels are " + w + " x " + h);
      }
      if (correctIllumination) {
        Optional<FloatImage> f = source.illumination(c);
        if (f.isPresent()) {
          img = Illumination.apply(img, f.get());
        }
      }
      if (img.width() != outputSize || img.height() != outputSize) {
        img = Resize.areaAverage(img, outputSize, outputSize);
      }
      PercentileNormalization.Scaling s = normalization.fit(img);
      out.put(c, normalization.apply(img, s));
      sc.put(c, s);
    }
    return new Prepared(site, outputSize, w, h, out, sc);
  }

  /**
   * Preprocesses all eight channels of a site.
   *
   * @param source where the images come from
   * @param site the site
   * @return the prepared site
   */
  public Prepared apply(ImageSource source, Site site) {
    return apply(source, site, List.of(Channel.values()));
  }
}
