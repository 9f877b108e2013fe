package org.brightpaint.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Information gain and calibration of one model's per-cell posteriors over a set of features.
 *
 * <p>Input per feature f: the real values {@code real[f][cell]} and the K sampled values
 * {@code samples[f][cell][k]} of the same cells (profiled with the real image's objects, so that
 * index {@code cell} is one cell in all of them). Each feature is standardised by the real cells'
 * mean and sd (features whose real sd is 0 or that have fewer than 3 finite cells are skipped, as
 * are cells with a non-finite real or sampled value). Per cell and feature: {@link InformationGain}
 * and the {@link PosteriorCalibration#pit PIT}. Aggregates: per feature the mean IG over cells;
 * per group (feature group x channel label) and for the model, each cell's mean IG over the
 * group's features, then the mean over cells with a {@link BootstrapMean} 95 % interval over cells.
 *
 * @param features per-feature scores, in input order (skipped features left out)
 * @param groups per (group, channel) scores, ordered by group then channel
 * @param overall the model's score: every cell's mean IG over all scored features
 * @param overallMedian the median over cells of each cell's mean IG (the mean is dominated by the
 *     few cells whose real value lies many bandwidths outside an over-confident posterior)
 * @param coverage50 share of (cell, feature) real values inside the central 50 % posterior interval
 * @param coverage90 same for 90 %
 * @param pitHistogram share of PIT values in 10 equal bins over [0, 1], all scored (cell, feature)
 * @param samplesPerCell K
 */
public record PosteriorScores(List<FeatureScore> features, List<GroupScore> groups, BootstrapMean overall,
    double overallMedian, double coverage50, double coverage90, double[] pitHistogram, int samplesPerCell) {

  /** Bins of {@link #pitHistogram()}. */
  public static final int PIT_BINS = 10;

  /** Copies. */
  public PosteriorScores {
    features = List.copyOf(features);
    groups = List.copyOf(groups);
    pitHistogram = pitHistogram.clone();
  }

  /**
   * @param feature the feature
   * @param meanIg mean IG over its scored cells, nats
   * @param medianIg median IG, nats (robust to a few cells whose truth lies far outside the posterior)
   * @param coverage50 share inside the central 50 % interval
   * @param coverage90 share inside the central 90 % interval
   * @param cells number of scored cells
   */
  public record FeatureScore(FeatureName feature, double meanIg, double medianIg, double coverage50, double coverage90,
      int cells) {}

  /**
   * @param group the feature group
   * @param channel {@link FeatureName#channelLabel()}
   * @param ig mean over cells of each cell's mean IG over the group's features, with 95 % interval
   * @param median median over cells of the same per-cell values
   * @param featureCount features in the group
   */
  public record GroupScore(FeatureGroup group, String channel, BootstrapMean ig, double median, int featureCount) {}

  /**
   * @param names the features, one per row of {@code real}
   * @param real {@code [features][cells]} real values
   * @param samples {@code [features][cells][K]} sampled values of the same cells
   * @param seed bootstrap seed
   * @return the scores
   * @throws IllegalArgumentException when the shapes disagree
   */
  public static PosteriorScores of(List<FeatureName> names, double[][] real, double[][][] samples, long seed) {
    if (names.size() != real.length || real.length != samples.length) {
      throw new IllegalArgumentException("Posterior scores need one name, real row and sample row per feature, got "
          + names.size() + ", " + real.length + ", " + samples.length);
    }
    int cells = real.length == 0 ? 0 : real[0].length;
    int k = 0;
    List<FeatureScore> fs = new ArrayList<>();
    Map<String, double[][]> groupSums = new LinkedHashMap<>(); // key -> {sum[cells], count[cells]}
    Map<String, int[]> groupFeatures = new LinkedHashMap<>();
    double[] allSum = new double[cells];
    double[] allCount = new double[cells];
    List<Double> pits = new ArrayList<>();
    for (int f = 0; f < names.size(); f++) {
      if (real[f].length != cells || samples[f].length != cells) {
        throw new IllegalArgumentException("Feature " + names.get(f).column() + " has " + real[f].length + " real and "
            + samples[f].length + " sampled cells, expected " + cells);
      }
      double[] std = standardisation(real[f]);
      if (std == null) {
        continue;
      }
      double[] marginalPoints = Arrays.stream(real[f]).filter(Double::isFinite).map(v -> (v - std[0]) / std[1]).toArray();
      Kde marginal = Kde.silverman(marginalPoints);
      double[] ig = new double[cells];
      Arrays.fill(ig, Double.NaN);
      List<Double> igs = new ArrayList<>();
      List<Double> fpits = new ArrayList<>();
      for (int c = 0; c < cells; c++) {
        double[] s = samples[f][c];
        if (!Double.isFinite(real[f][c]) || s.length == 0 || !Arrays.stream(s).allMatch(Double::isFinite)) {
          continue;
        }
        k = Math.max(k, s.length);
        double y = (real[f][c] - std[0]) / std[1];
        Kde post = Kde.silverman(Arrays.stream(s).map(v -> (v - std[0]) / std[1]).toArray());
        ig[c] = InformationGain.of(post, y, marginal);
        igs.add(ig[c]);
        fpits.add(PosteriorCalibration.pit(post, y));
      }
      if (igs.isEmpty()) {
        continue;
      }
      double[] igArr = igs.stream().mapToDouble(Double::doubleValue).toArray();
      double[] pitArr = fpits.stream().mapToDouble(Double::doubleValue).toArray();
      double[] sorted = igArr.clone();
      Arrays.sort(sorted);
      FeatureName name = names.get(f);
      fs.add(new FeatureScore(name, Arrays.stream(igArr).average().orElseThrow(), Kde.quantile(sorted, 0.5),
          PosteriorCalibration.coverage(pitArr, 0.5), PosteriorCalibration.coverage(pitArr, 0.9), igArr.length));
      pits.addAll(fpits);
      String key = name.group().name() + "\u0000" + name.channelLabel();
      double[][] acc = groupSums.computeIfAbsent(key, x -> new double[2][cells]);
      groupFeatures.computeIfAbsent(key, x -> new int[1])[0]++;
      for (int c = 0; c < cells; c++) {
        if (Double.isFinite(ig[c])) {
          acc[0][c] += ig[c];
          acc[1][c]++;
          allSum[c] += ig[c];
          allCount[c]++;
        }
      }
    }
    List<GroupScore> gs = new ArrayList<>();
    for (Map.Entry<String, double[][]> e : groupSums.entrySet()) {
      String[] parts = e.getKey().split("\u0000", -1);
      double[] cm = cellMeans(e.getValue()[0], e.getValue()[1]);
      gs.add(new GroupScore(FeatureGroup.valueOf(parts[0]), parts[1], BootstrapMean.of(cm, seed), median(cm),
          groupFeatures.get(e.getKey())[0]));
    }
    gs.sort((a, b) -> a.group() != b.group() ? a.group().compareTo(b.group()) : a.channel().compareTo(b.channel()));
    double[] allPits = pits.stream().mapToDouble(Double::doubleValue).toArray();
    double[] all = cellMeans(allSum, allCount);
    return new PosteriorScores(fs, gs, BootstrapMean.of(all, seed), median(all),
        PosteriorCalibration.coverage(allPits, 0.5), PosteriorCalibration.coverage(allPits, 0.9),
        PosteriorCalibration.histogram(allPits, PIT_BINS), k);
  }

  private static double median(double[] v) {
    if (v.length == 0) {
      return Double.NaN;
    }
    double[] s = v.clone();
    Arrays.sort(s);
    return Kde.quantile(s, 0.5);
  }

  private static double[] cellMeans(double[] sum, double[] count) {
    List<Double> out = new ArrayList<>();
    for (int c = 0; c < sum.length; c++) {
      if (count[c] > 0) {
        out.add(sum[c] / count[c]);
      }
    }
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** @return {mean, sd} of the finite values, or null when fewer than 3 or sd is 0 */
  private static double[] standardisation(double[] v) {
    double[] f = Arrays.stream(v).filter(Double::isFinite).toArray();
    if (f.length < 3) {
      return null;
    }
    double m = Arrays.stream(f).sum() / f.length;
    double ss = 0;
    for (double x : f) {
      ss += (x - m) * (x - m);
    }
    double sd = Math.sqrt(ss / (f.length - 1));
    return sd > 0 ? new double[] {m, sd} : null;
  }
}
