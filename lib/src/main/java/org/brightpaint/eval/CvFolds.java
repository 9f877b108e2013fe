package org.brightpaint.eval;

import java.util.stream.IntStream;

/**
 * Cross-validation folds over n samples: disjoint test folds that together cover every sample;
 * the training part of a fold is every sample outside its test fold.
 */
public sealed interface CvFolds permits StratifiedKFold, GroupedKFold {

  /** @return the number of folds actually used */
  int k();

  /** @return the number of samples */
  int n();

  /** @return why the folds differ from the request (fewer folds, classes missing from training), or "" */
  String note();

  /**
   * @param fold 0..k-1
   * @return the test indices of a fold, sorted
   */
  int[] test(int fold);

  /**
   * @param fold 0..k-1
   * @return every index not in the fold's test set, sorted
   */
  default int[] train(int fold) {
    boolean[] inTest = new boolean[n()];
    for (int i : test(fold)) inTest[i] = true;
    return IntStream.range(0, n()).filter(i -> !inTest[i]).toArray();
  }
}
