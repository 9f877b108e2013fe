package org.brightpaint.eval;

import java.util.List;
import java.util.Map;

/**
 * The outcome of MoA prediction for one feature source (one row of the paper's Table 3).
 *
 * @param source "real" or a model name
 * @param setting how it was evaluated, e.g. "well-grouped 5-fold CV" or "train on pix2pix, test on real"
 * @param scheme how the folds were grouped ({@link CvScheme}); transfer uses {@link CvScheme#WELL}
 * @param f1SixClass macro F1 of the six-class MoA-group task (pooled over folds)
 * @param f1Binary macro F1 of the binary control-vs-treated task (pooled over folds)
 * @param topFeatures the most decisive features of the six-class task, most important first
 * @param importance mean decrease of the six-class macro F1 when each top feature is permuted
 * @param classes the class names, index order of the confusion matrix
 * @param sixClass the six-class confusion matrix pooled over folds
 * @param binary the binary confusion matrix (0 = control, 1 = treated)
 * @param folds the number of folds used
 * @param note remarks such as fewer folds than requested, or ""
 * @param cellsPerClass the cells used per class after subsampling
 * @param droppedFeatures features dropped as constant (zero variance) in the training data
 */
public record MoaResult(
    String source, String setting, CvScheme scheme, double f1SixClass, double f1Binary, List<String> topFeatures, double[] importance,
    List<String> classes, Confusion sixClass, Confusion binary, int folds, String note,
    Map<String, Integer> cellsPerClass, List<String> droppedFeatures) {

  /**
   * A row that could not be computed: F1 NaN, the reason in the note (never a silent gap).
   *
   * @param source the source
   * @param setting the setting that failed
   * @param scheme its scheme
   * @param reason why
   * @return the missing row
   */
  public static MoaResult missing(String source, String setting, CvScheme scheme, String reason) {
    return new MoaResult(source, setting, scheme, Double.NaN, Double.NaN, List.of(), new double[0], List.of(),
        new Confusion(new int[0][0]), new Confusion(new int[0][0]), 0, "not computed: " + reason, Map.of(), List.of());
  }
}
