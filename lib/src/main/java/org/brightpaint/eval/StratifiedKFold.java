package org.brightpaint.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Stratified k-fold cross-validation splits: the indices of each class are shuffled with a
 * seeded {@link Random} and dealt round-robin to the folds (continuing where the previous class
 * stopped), so that every fold holds each class in proportion (counts differ by at most one),
 * test folds are disjoint, and together they cover every sample exactly once.
 *
 * @param k the number of folds actually used
 * @param testFolds the test indices of each fold, sorted
 * @param n the number of samples
 * @param note why fewer folds than requested were used, or "" (see {@link #ofAtMost})
 */
public record StratifiedKFold(int k, int[][] testFolds, int n, String note) implements CvFolds {

  /**
   * Stratified k folds; every class needs at least k samples.
   *
   * @param labels class index per sample, &gt;= 0
   * @param k folds, &gt;= 2
   * @param seed shuffling seed
   * @return the folds
   * @throws IllegalArgumentException naming the class and its count when a class has fewer
   *     than k samples
   */
  public static StratifiedKFold of(int[] labels, int k, long seed) {
    if (k < 2) {
      throw new IllegalArgumentException("k-fold cross-validation needs k >= 2, got " + k);
    }
    int[] counts = counts(labels);
    for (int c = 0; c < counts.length; c++) {
      if (counts[c] > 0 && counts[c] < k) {
        throw new IllegalArgumentException("Class " + c + " has only " + counts[c] + " samples, fewer than the "
            + k + " folds: stratified " + k + "-fold cross-validation is impossible (use fewer folds or more cells)");
      }
    }
    return split(labels, k, seed, "");
  }

  /**
   * Stratified folds, lowering k to the smallest class count when a class has fewer than k
   * samples; the reduction is stated in {@link #note()}.
   *
   * @param labels class index per sample
   * @param k the requested folds
   * @param seed shuffling seed
   * @return the folds
   * @throws IllegalArgumentException when a class has fewer than 2 samples
   */
  public static StratifiedKFold ofAtMost(int[] labels, int k, long seed) {
    int[] counts = counts(labels);
    int min = Integer.MAX_VALUE, which = -1;
    for (int c = 0; c < counts.length; c++) {
      if (counts[c] > 0 && counts[c] < min) {
        min = counts[c];
        which = c;
      }
    }
    if (min < 2) {
      throw new IllegalArgumentException("Class " + which + " has only " + min + " sample: cross-validation needs at least 2 per class");
    }
    if (min >= k) {
      return of(labels, k, seed);
    }
    return split(labels, min, seed, "requested " + k + " folds, used " + min + " because class " + which + " has only " + min + " samples");
  }

  private static StratifiedKFold split(int[] labels, int k, long seed, String note) {
    int[] counts = counts(labels);
    Random rnd = new Random(seed);
    List<List<Integer>> folds = new ArrayList<>();
    for (int f = 0; f < k; f++) folds.add(new ArrayList<>());
    int next = 0;
    for (int c = 0; c < counts.length; c++) {
      List<Integer> idx = new ArrayList<>();
      for (int i = 0; i < labels.length; i++) if (labels[i] == c) idx.add(i);
      java.util.Collections.shuffle(idx, rnd);
      for (int i : idx) {
        folds.get(next).add(i);
        next = (next + 1) % k;
      }
    }
    int[][] out = new int[k][];
    for (int f = 0; f < k; f++) {
      out[f] = folds.get(f).stream().mapToInt(Integer::intValue).sorted().toArray();
    }
    return new StratifiedKFold(k, out, labels.length, note);
  }

  @Override
  public int[] test(int fold) {
    return testFolds[fold];
  }

  private static int[] counts(int[] labels) {
    int max = Arrays.stream(labels).max().orElse(-1);
    int[] c = new int[max + 1];
    for (int l : labels) {
      if (l < 0) throw new IllegalArgumentException("class labels must be >= 0, got " + l);
      c[l]++;
    }
    return c;
  }
}
