package org.brightpaint.features.segment;

import java.util.HashMap;
import java.util.Map;
import org.brightpaint.image.LabelImage;

/**
 * Object-level agreement between a segmentation and ground truth: a predicted object and a true
 * object match when their intersection over union is at least the threshold (for a threshold
 * &gt;= 0.5 each object can match at most one other, so the matching is unique). Precision =
 * TP / predicted, recall = TP / true, F1 = 2 TP / (predicted + true).
 *
 * <p>Reference: Caicedo J. C. et al., "Evaluation of Deep Learning Strategies for Nucleus
 * Segmentation in Fluorescence Images", Cytometry A 95 (2019) 952-965, doi:10.1002/cyto.a.23863.
 */
public final class SegmentationMatch {

  private SegmentationMatch() {}

  /**
   * The scores.
   *
   * @param predicted predicted objects with pixels
   * @param truth true objects with pixels
   * @param truePositives matched pairs
   * @param precision TP / predicted (NaN when none predicted)
   * @param recall TP / truth (NaN when no truth)
   * @param f1 2 TP / (predicted + truth) (1 when both are empty)
   */
  public record Score(int predicted, int truth, int truePositives, double precision, double recall, double f1) {}

  /**
   * Matches objects by IoU.
   *
   * @param predicted predicted labels
   * @param truth true labels, same size
   * @param iouThreshold minimum IoU for a match, in [0.5, 1]
   * @return the score
   */
  public static Score score(LabelImage predicted, LabelImage truth, double iouThreshold) {
    if (predicted.width() != truth.width() || predicted.height() != truth.height()) {
      throw new IllegalArgumentException("Predicted " + predicted + " and true " + truth + " labels differ in size");
    }
    if (!(iouThreshold >= 0.5 && iouThreshold <= 1)) {
      throw new IllegalArgumentException("IoU threshold must be in [0.5, 1] for a unique matching, got " + iouThreshold);
    }
    int[] p = predicted.labels();
    int[] t = truth.labels();
    int[] pa = new int[maxOf(p) + 1];
    int[] ta = new int[maxOf(t) + 1];
    Map<Long, Integer> inter = new HashMap<>();
    for (int i = 0; i < p.length; i++) {
      pa[p[i]]++;
      ta[t[i]]++;
      if (p[i] != 0 && t[i] != 0) {
        inter.merge(((long) p[i] << 32) | t[i], 1, Integer::sum);
      }
    }
    int np = 0;
    int nt = 0;
    for (int i = 1; i < pa.length; i++) {
      np += pa[i] > 0 ? 1 : 0;
    }
    for (int i = 1; i < ta.length; i++) {
      nt += ta[i] > 0 ? 1 : 0;
    }
    int tp = 0;
    for (Map.Entry<Long, Integer> e : inter.entrySet()) {
      int a = (int) (e.getKey() >>> 32);
      int b = (int) (long) e.getKey();
      double iou = e.getValue() / (double) (pa[a] + ta[b] - e.getValue());
      if (iou >= iouThreshold) {
        tp++;
      }
    }
    double precision = np == 0 ? Double.NaN : (double) tp / np;
    double recall = nt == 0 ? Double.NaN : (double) tp / nt;
    double f1 = np + nt == 0 ? 1.0 : 2.0 * tp / (np + nt);
    return new Score(np, nt, tp, precision, recall, f1);
  }

  private static int maxOf(int[] a) {
    int m = 0;
    for (int v : a) {
      m = Math.max(m, v);
    }
    return m;
  }
}
