package org.brightpaint.features.segment;

import org.brightpaint.features.ops.Labels;
import org.brightpaint.image.LabelImage;

/**
 * CellProfiler's {@code IdentifyTertiaryObjects} with "Shrink smaller object prior to subtraction"
 * on, as in CPJUMP1: the cytoplasm is the larger object minus the interior of the smaller one —
 * the smaller object's outline pixels ({@link Labels#outline}) stay in the cytoplasm. Object
 * {@code i} is the cytoplasm of cell {@code i}.
 */
public final class TertiaryObjects {

  private TertiaryObjects() {}

  /**
   * Subtracts shrunk primary objects from secondary objects.
   *
   * @param larger secondary labels (cells)
   * @param smaller primary labels (nuclei), same size
   * @return tertiary labels with the larger object's numbering and count
   */
  public static LabelImage subtract(LabelImage larger, LabelImage smaller) {
    if (larger.width() != smaller.width() || larger.height() != smaller.height()) {
      throw new IllegalArgumentException("Tertiary objects: " + larger + " and " + smaller + " differ in size");
    }
    int w = larger.width();
    int h = larger.height();
    boolean[] outline = Labels.outline(smaller.labels(), w, h);
    int[] s = smaller.labels();
    int[] out = larger.labels().clone();
    for (int i = 0; i < out.length; i++) {
      if (s[i] != 0 && !outline[i]) {
        out[i] = 0;
      }
    }
    return new LabelImage(w, h, out, larger.count());
  }
}
