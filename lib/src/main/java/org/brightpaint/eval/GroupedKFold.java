package org.brightpaint.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Group k-fold cross-validation, stratified by class: every group (a well, or a compound) lies
 * wholly in one test fold, so no group is in both the training and the test part of a fold.
 *
 * <p>Rule: the groups of each class (in sorted key order, then shuffled with a seeded
 * {@link Random}) are dealt round-robin to the folds, continuing where the previous class
 * stopped, so each class's groups spread over as many folds as it has groups. k is the requested
 * number capped by the number of groups of the largest class. A class with a single group is
 * absent from the training part of the fold that tests it (its cells can then only be
 * misclassified): stated in {@link #note()}. Every group must carry one class.
 *
 * <p>As scikit-learn's StratifiedGroupKFold intends (groups never split, classes spread), with
 * a simpler deterministic dealing.
 *
 * @param k the number of folds actually used
 * @param testFolds the test indices of each fold, sorted
 * @param n the number of samples
 * @param groupsPerFold how many groups each test fold holds
 * @param note remarks, or ""
 */
public record GroupedKFold(int k, int[][] testFolds, int n, int[] groupsPerFold, String note) implements CvFolds {

  /**
   * @param groups group key per sample (e.g. "plate/well")
   * @param labels class index per sample
   * @param classNames class names (for the note), index order of the labels
   * @param folds requested folds, &gt;= 2
   * @param seed shuffling seed
   * @return the folds
   * @throws IllegalArgumentException when a group holds two classes, or there are fewer than 2
   *     groups in every class
   */
  public static GroupedKFold of(String[] groups, int[] labels, List<String> classNames, int folds, long seed) {
    if (groups.length != labels.length) throw new IllegalArgumentException("groups and labels differ in length");
    if (folds < 2) throw new IllegalArgumentException("k-fold cross-validation needs k >= 2, got " + folds);
    Map<String, Integer> classOf = new TreeMap<>();
    Map<String, List<Integer>> members = new TreeMap<>();
    for (int i = 0; i < groups.length; i++) {
      Integer prev = classOf.putIfAbsent(groups[i], labels[i]);
      if (prev != null && prev != labels[i]) {
        throw new IllegalArgumentException("Group " + groups[i] + " holds two classes (" + classNames.get(prev) + ", "
            + classNames.get(labels[i]) + "): grouped cross-validation needs one class per group");
      }
      members.computeIfAbsent(groups[i], g -> new ArrayList<>()).add(i);
    }
    int maxGroups = 0;
    List<String> single = new ArrayList<>();
    List<List<String>> byClass = new ArrayList<>();
    for (int c = 0; c < classNames.size(); c++) byClass.add(new ArrayList<>());
    classOf.forEach((g, c) -> byClass.get(c).add(g));
    for (int c = 0; c < byClass.size(); c++) {
      int m = byClass.get(c).size();
      maxGroups = Math.max(maxGroups, m);
      if (m == 1) single.add(classNames.get(c));
    }
    if (maxGroups < 2) {
      throw new IllegalArgumentException("Grouped cross-validation needs at least 2 groups in some class, got " + classOf.size()
          + " groups for " + classNames.size() + " classes");
    }
    int k = Math.min(folds, maxGroups);
    Random rnd = new Random(seed);
    List<List<Integer>> out = new ArrayList<>();
    for (int f = 0; f < k; f++) out.add(new ArrayList<>());
    int[] gpf = new int[k];
    int next = 0;
    for (List<String> gs : byClass) {
      Collections.shuffle(gs, rnd);
      for (String g : gs) {
        out.get(next).addAll(members.get(g));
        gpf[next]++;
        next = (next + 1) % k;
      }
    }
    int[][] tf = new int[k][];
    for (int f = 0; f < k; f++) tf[f] = out.get(f).stream().mapToInt(Integer::intValue).sorted().toArray();
    List<String> notes = new ArrayList<>();
    if (k < folds) notes.add("requested " + folds + " folds, used " + k + " (the largest class has " + maxGroups + " groups)");
    if (!single.isEmpty()) notes.add("classes with one group, never in training when tested: " + single);
    return new GroupedKFold(k, tf, groups.length, gpf, String.join("; ", notes));
  }

  @Override
  public int[] test(int fold) {
    return testFolds[fold];
  }
}
