package org.brightpaint.features.segment;

import org.brightpaint.features.ops.Labels;
import org.brightpaint.features.threshold.GlobalThreshold;
import org.brightpaint.image.FloatImage;
import org.brightpaint.image.LabelImage;

/**
 * CellProfiler's {@code IdentifySecondaryObjects} (revision 10): grow each primary object into the
 * thresholded foreground of an image. Seeds are the final primary objects plus the unedited ones
 * that touch the image border (so that border cells do not leak into their neighbours); after
 * growth, holes are filled (optionally) and each secondary object takes the number of the final
 * primary object it contains; secondary objects of discarded primaries are dropped. Object
 * {@code i} of the result is the cell of nucleus {@code i}.
 */
public final class SecondaryObjects {

  private SecondaryObjects() {}

  /**
   * Settings.
   *
   * @param method Propagation or Watershed - Image
   * @param regularization Propagation's regularization factor lambda
   * @param fillHoles fill holes in the secondary objects
   * @param threshold threshold settings for the image
   */
  public record Options(SecondaryMethod method, double regularization, boolean fillHoles, GlobalThreshold.Options threshold) {
    /** Validates. */
    public Options {
      if (method == null || threshold == null) {
        throw new IllegalArgumentException("Secondary object method and threshold are required");
      }
      if (!(regularization >= 0)) {
        throw new IllegalArgumentException("Invalid regularization factor: " + regularization);
      }
    }
  }

  /**
   * The outcome.
   *
   * @param labels secondary objects, numbered as their primary objects
   * @param unfiltered every grown object before dropping those of discarded primaries (own
   *     numbering), for neighbour measurements that consider discarded objects
   * @param threshold threshold outcome on the image
   */
  public record Result(LabelImage labels, LabelImage unfiltered, GlobalThreshold.Result threshold) {}

  /**
   * Identifies secondary objects.
   *
   * @param image the image (0..1)
   * @param primary the primary identification result
   * @param options settings
   * @return secondary labels numbered like {@code primary.labels()}
   */
  public static Result identify(FloatImage image, PrimaryObjects.Result primary, Options options) {
    int w = image.width();
    int h = image.height();
    LabelImage finalPrimary = primary.labels();
    if (finalPrimary.width() != w || finalPrimary.height() != h) {
      throw new IllegalArgumentException("Secondary objects: image " + image + " does not match primary labels " + finalPrimary);
    }
    GlobalThreshold.Result th = GlobalThreshold.apply(image, options.threshold());
    int[] fin = finalPrimary.labels();
    int[] seeds = primary.unedited().labels().clone();
    // the unedited count is at least the largest label (LabelImage's contract): tables sized by
    // it map the same labels as tables sized by the largest label, without a pass to find it
    int um = primary.unedited().count();
    boolean[] touching = new boolean[um + 1];
    for (int x = 0; x < w; x++) {
      touching[seeds[x]] = true;
      touching[seeds[(h - 1) * w + x]] = true;
    }
    for (int y = 0; y < h; y++) {
      touching[seeds[y * w]] = true;
      touching[seeds[y * w + w - 1]] = true;
    }
    for (int i = 0; i < seeds.length; i++) {
      if (!touching[seeds[i]] && fin[i] == 0) {
        seeds[i] = 0;
      }
    }
    boolean[] fg = th.foreground();
    int[] grown;
    if (options.method() == SecondaryMethod.PROPAGATION) {
      grown = Propagation.propagate(image.pixels(), seeds, fg, w, h, options.regularization());
    } else {
      float[] inv = new float[w * h];
      float[] p = image.pixels();
      boolean[] mask = new boolean[w * h];
      for (int i = 0; i < inv.length; i++) {
        inv[i] = 1f - p[i];
        mask[i] = fg[i] || seeds[i] > 0;
      }
      grown = Watershed.flood(inv, seeds, mask, w, h, true);
    }
    if (options.fillHoles()) {
      grown = Labels.fillHoles(grown, w, h);
    }
    // map each grown (unedited-numbered) object to the final primary label it contains
    int[] map = new int[um + 1];
    for (int i = 0; i < fin.length; i++) {
      if (grown[i] > 0 && fin[i] > map[grown[i]]) {
        map[grown[i]] = fin[i];
      }
    }
    int[] out = new int[grown.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = map[grown[i]];
    }
    return new Result(new LabelImage(w, h, out, finalPrimary.count()), LabelImage.of(w, h, grown), th);
  }
}
