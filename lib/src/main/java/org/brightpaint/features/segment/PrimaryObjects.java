package org.brightpaint.features.segment;

import org.brightpaint.features.ops.DistanceTransform;
import org.brightpaint.features.ops.Gaussian;
import org.brightpaint.features.ops.Labels;
import org.brightpaint.features.threshold.GlobalThreshold;
import org.brightpaint.image.FloatImage;
import org.brightpaint.image.LabelImage;

/**
 * CellProfiler's {@code IdentifyPrimaryObjects} (module revision 14) with a global threshold:
 * threshold, optional hole filling, 8-connected labelling, declumping (seeds = local maxima of the
 * smoothed image or of the distance transform, at least the suppression distance apart; seeded
 * watershed on the inverted image or the negated distance transform, 8-connected, inside the
 * foreground), removal of objects touching the border, removal of objects whose area is below
 * {@code pi min^2 / 4} or above {@code pi max^2 / 4}, optional hole filling, relabelling.
 *
 * <p>Rules followed, in CellProfiler 4.0's {@code cellprofiler/modules/identifyprimaryobjects.py}:
 * {@code run} fills holes after thresholding only for "After both thresholding and declumping"
 * ({@code fill_labeled_holes} with {@code size_fn: size < max * max}; here every hole is filled,
 * the same for the presets' maxima), labels with a 3 x 3 structure, then
 * {@code separate_neighboring_objects}, {@code filter_on_border}, {@code filter_on_size} and, unless
 * "Never", fills holes again; {@code calc_smoothing_filter_size}: automatic size
 * {@code 2.35 min / 3.5}; {@code smooth_image}: sigma {@code size / 2.35}, kernel half-width
 * {@code max(int(size / 2), 1)}, edge-corrected; {@code separate_neighboring_objects}: automatic
 * maxima suppression {@code min / 1.5}, footprint {@code strel_disk(max(1, s - 0.5))}, Shape seeds
 * from the distance transform of the hole-filled foreground plus {@code uniform(0, 0.001)} noise,
 * Shape watershed image {@code -d - min(-d)}, Intensity watershed image {@code 1 - image};
 * {@code get_maxima}: {@code is_local_maximum}, non-positive maxima dropped, {@code binary_shrink}.
 * The threshold (correction factor, then bounds) follows {@code Threshold.get_threshold}, see
 * {@link GlobalThreshold}.
 *
 * <p>Not in CellProfiler: the optional {@link NeckMerge} after declumping ({@code neckRatio}), used
 * by the {@code nuclei} preset only.
 *
 * <p>Not implemented: the low-resolution maxima search (CellProfiler uses it only when the minimum
 * diameter exceeds 10 px; the presets here have minimum diameters of at most 10), adaptive
 * thresholds and the "Propagate" dividing-line method.
 */
public final class PrimaryObjects {

  private PrimaryObjects() {}

  /**
   * Settings, named as in CellProfiler.
   *
   * @param minDiameter typical diameter, minimum (px)
   * @param maxDiameter typical diameter, maximum (px)
   * @param discardOutsideRange drop objects outside the diameter range
   * @param discardBorder drop objects touching the image border
   * @param unclump method to distinguish clumped objects
   * @param dividingLines method to draw dividing lines
   * @param smoothingFilterSize declumping smoothing filter size; NaN = automatic
   *     ({@code 2.35 min / 3.5})
   * @param maximaSuppression minimum distance between maxima; NaN = automatic ({@code min / 1.5})
   * @param fillHoles when to fill holes
   * @param threshold the threshold settings
   * @param neckRatio NaN (CellProfiler: every declumped piece is kept) or, in (0, 1], the neck
   *     rule of {@link NeckMerge}: two touching pieces are merged again when their dividing line
   *     is at least {@code neckRatio} times as wide as the smaller piece (widths measured by the
   *     distance transform, so the rule scales with object size)
   */
  public record Options(
      double minDiameter, double maxDiameter, boolean discardOutsideRange, boolean discardBorder,
      DeclumpMethod unclump, DeclumpMethod dividingLines, double smoothingFilterSize,
      double maximaSuppression, FillHoles fillHoles, GlobalThreshold.Options threshold, double neckRatio) {

    /** Validates. */
    public Options {
      if (!(minDiameter > 0 && maxDiameter >= minDiameter)) {
        throw new IllegalArgumentException("Invalid diameter range: " + minDiameter + ".." + maxDiameter);
      }
      if (!Double.isNaN(neckRatio) && !(neckRatio > 0 && neckRatio <= 1)) {
        throw new IllegalArgumentException("Invalid neck ratio (expected NaN or 0 < r <= 1): " + neckRatio);
      }
      if (!(Double.isNaN(smoothingFilterSize) || smoothingFilterSize >= 0)) {
        throw new IllegalArgumentException("Invalid smoothing filter size: " + smoothingFilterSize);
      }
      if (!(Double.isNaN(maximaSuppression) || maximaSuppression >= 0)) {
        throw new IllegalArgumentException("Invalid maxima suppression distance: " + maximaSuppression);
      }
      if (unclump == null || dividingLines == null || fillHoles == null || threshold == null) {
        throw new IllegalArgumentException("Primary object settings must not be null");
      }
    }

    /** @return the smoothing filter size in force */
    public double smoothingFilterSizeInForce() {
      return Double.isNaN(smoothingFilterSize) ? 2.35 * minDiameter / 3.5 : smoothingFilterSize;
    }

    /** @return the maxima suppression distance in force */
    public double maximaSuppressionInForce() {
      return Double.isNaN(maximaSuppression) ? minDiameter / 1.5 : maximaSuppression;
    }
  }

  /**
   * The outcome.
   *
   * @param labels the final objects, numbered {@code 1..n}
   * @param unedited the declumped objects before border and size filtering (their own numbering)
   * @param smallRemoved the objects left after the border filter and the too-small filter, before
   *     the too-large filter, the second hole filling and relabelling (the numbering of {@code
   *     unedited}): CellProfiler 4.0.6's {@code small_removed_segmented}, which
   *     MeasureObjectNeighbors uses as the objects "discarded" objects may come from
   *     ({@code identifyprimaryobjects.py} {@code filter_on_size}: {@code small_removed_labels =
   *     labeled_image.copy()} after {@code labeled_image[area_image < min_allowed_area] = 0}, and
   *     {@code run} calls {@code filter_on_border} before {@code filter_on_size})
   * @param threshold the threshold outcome
   */
  public record Result(
      LabelImage labels, LabelImage unedited, LabelImage smallRemoved, GlobalThreshold.Result threshold) {}

  /**
   * Identifies objects.
   *
   * @param image the image (values 0..1, finite)
   * @param options settings
   * @return labels and thresholds
   */
  public static Result identify(FloatImage image, Options options) {
    int w = image.width();
    int h = image.height();
    GlobalThreshold.Result th = GlobalThreshold.apply(image, options.threshold());
    boolean[] fg = th.foreground();
    int[] labels = Labels.components(fg, w, h, true);
    if (options.fillHoles() == FillHoles.AFTER_BOTH) {
      labels = Labels.fillHoles(labels, w, h);
      boolean[] filled = new boolean[labels.length];
      for (int i = 0; i < filled.length; i++) {
        filled[i] = labels[i] > 0;
      }
      labels = Labels.components(filled, w, h, true);
    }
    labels = declump(image, labels, options);
    int[] unedited = labels.clone();
    if (options.discardBorder()) {
      Labels.clearBorder(labels, w, h);
    }
    int[] smallRemoved = labels;
    if (options.discardOutsideRange()) {
      int m = Labels.max(labels);
      int[] areas = Labels.areas(labels, m);
      double minArea = Math.PI * options.minDiameter() * options.minDiameter() / 4;
      double maxArea = Math.PI * options.maxDiameter() * options.maxDiameter() / 4;
      for (int i = 0; i < labels.length; i++) {
        if (labels[i] > 0 && areas[labels[i]] < minArea) {
          labels[i] = 0;
        }
      }
      smallRemoved = labels.clone();
      for (int i = 0; i < labels.length; i++) {
        if (labels[i] > 0 && areas[labels[i]] > maxArea) {
          labels[i] = 0;
        }
      }
    }
    smallRemoved = smallRemoved == labels ? labels.clone() : smallRemoved;
    if (options.fillHoles() != FillHoles.NEVER) {
      labels = Labels.fillHoles(labels, w, h);
    }
    int n = Labels.relabel(labels);
    return new Result(new LabelImage(w, h, labels, n), LabelImage.of(w, h, unedited),
        LabelImage.of(w, h, smallRemoved), th);
  }

  private static int[] declump(FloatImage image, int[] labels, Options o) {
    if (o.unclump() == DeclumpMethod.NONE || o.dividingLines() == DeclumpMethod.NONE) {
      return labels;
    }
    int w = image.width();
    int h = image.height();
    float[] dist = null;
    boolean[] seeds;
    if (o.unclump() == DeclumpMethod.INTENSITY) {
      seeds = LocalMaxima.find(smoothForDeclumping(image, o.smoothingFilterSizeInForce()), labels, w, h,
          o.maximaSuppressionInForce());
    } else {
      int[] forDistance = o.fillHoles() == FillHoles.NEVER ? Labels.fillHoles(labels, w, h) : labels;
      dist = distance(forDistance, w, h, true);
      seeds = LocalMaxima.find(dist, labels, w, h, o.maximaSuppressionInForce());
    }
    float[] surface = new float[w * h];
    if (o.dividingLines() == DeclumpMethod.INTENSITY) {
      float[] p = image.pixels();
      for (int i = 0; i < surface.length; i++) {
        surface[i] = 1f - p[i];
      }
    } else {
      if (dist == null) {
        dist = distance(labels, w, h, false);
      }
      float max = 0;
      for (float v : dist) {
        max = Math.max(max, v);
      }
      for (int i = 0; i < surface.length; i++) {
        surface[i] = max - dist[i];
      }
    }
    int[] markers = Labels.components(seeds, w, h, true);
    boolean[] mask = new boolean[labels.length];
    for (int i = 0; i < mask.length; i++) {
      mask[i] = labels[i] != 0;
    }
    int[] pieces = Watershed.flood(surface, markers, mask, w, h, true);
    if (Double.isNaN(o.neckRatio())) {
      return pieces;
    }
    float[] width = distance(o.fillHoles() == FillHoles.NEVER ? Labels.fillHoles(labels, w, h) : labels, w, h, false);
    return NeckMerge.merge(pieces, width, w, h, o.neckRatio());
  }

  /**
   * CellProfiler's declumping smoothing ({@code IdentifyPrimaryObjects.smooth_image}): a Gaussian
   * of {@code sigma = size / 2.35} truncated at {@code max(1, (int)(size / 2))} pixels, zero-padded
   * and edge-corrected.
   *
   * @param image the image
   * @param filterSize the smoothing filter size; 0 returns the pixels unchanged
   * @return smoothed pixels
   */
  public static float[] smoothForDeclumping(FloatImage image, double filterSize) {
    if (filterSize == 0) {
      return image.pixels();
    }
    double sigma = filterSize / 2.35;
    int half = Math.max((int) (filterSize / 2.0), 1);
    double[] k = new double[2 * half + 1];
    for (int i = -half; i <= half; i++) {
      k[i + half] = Math.exp(-0.5 * i * i / (sigma * sigma));
    }
    return Gaussian.smoothEdgeCorrected(image.pixels(), image.width(), image.height(), k);
  }

  private static float[] distance(int[] labels, int w, int h, boolean noise) {
    boolean[] fg = new boolean[labels.length];
    for (int i = 0; i < fg.length; i++) {
      fg[i] = labels[i] > 0;
    }
    double[] d = DistanceTransform.edt(fg, w, h);
    float[] out = new float[d.length];
    for (int i = 0; i < d.length; i++) {
      double v = fg[i] ? d[i] : 0;
      if (noise && fg[i]) {
        // deterministic stand-in for CellProfiler's uniform(0, 0.001) tie-breaking noise
        long z = (i + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 31)) * 0xBF58476D1CE4E5B9L;
        v += ((z >>> 11) * 0x1.0p-53) * 0.001;
      }
      out[i] = (float) v;
    }
    return out;
  }
}
