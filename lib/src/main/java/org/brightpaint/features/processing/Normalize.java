package org.brightpaint.features.processing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.brightpaint.features.Tables;
import org.brightpaint.features.pipeline.WellAggregation;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * pycytominer's {@code normalize(profiles, method=..., samples="Metadata_pert_iname == 'DMSO'")},
 * applied per plate as the JUMP recipes run it (one plate's profiles at a time): the scaler is fit
 * on the plate's sample rows (by default its DMSO wells) and applied to every row of the plate.
 * Metadata columns pass through; every feature is replaced.
 *
 * <p>{@link Method#STANDARDIZE}: scikit-learn's {@code StandardScaler} as pycytominer uses it,
 * {@code (x - mean) / sd} with the population standard deviation ({@code ddof=0}) of the finite
 * sample values; a feature that is constant on the samples (scikit-learn's
 * {@code _is_constant_feature}: {@code var <= n eps var + (n mean eps)^2}, eps the float64 machine
 * epsilon) gets scale 1, so it is only centred.
 *
 * <p>{@link Method#MAD_ROBUSTIZE}: pycytominer's {@code operations.transform.RobustMAD}
 * ({@code pycytominer/operations/transform.py}, class RobustMAD):
 * {@code (x - median) / (mad + epsilon)} with {@code median} the sample median,
 * {@code mad = median(|x - median|) / (1 / 1.4826)} (scipy's {@code median_abs_deviation(...,
 * nan_policy="omit", scale=1/1.4826)}, the normal-consistent MAD) and {@code epsilon = 1e-18}
 * (pycytominer's {@code mad_robustize_epsilon} default).
 */
public final class Normalize {

  /** How features are scaled. */
  public enum Method {
    /** {@code (x - mean) / sd} over the samples. */
    STANDARDIZE,
    /** {@code (x - median) / (1.4826 MAD + epsilon)} over the samples. */
    MAD_ROBUSTIZE
  }

  /** pycytominer's {@code mad_robustize_epsilon} default. */
  public static final double MAD_EPSILON = 1e-18;

  /** The normal-consistency factor of scipy's {@code scale="normal"} as pycytominer writes it. */
  public static final double MAD_NORMAL = 1.4826;

  /**
   * Options.
   *
   * @param method the scaler
   * @param sampleColumn the column selecting the rows the scaler is fit on, or null for all rows
   * @param sampleValue the value of {@code sampleColumn} of those rows (e.g. "DMSO")
   * @param plateColumn the column grouping rows into plates normalised separately, or null for
   *     one group
   * @param epsilon the MAD epsilon (ignored by STANDARDIZE)
   */
  public record Options(Method method, String sampleColumn, String sampleValue, String plateColumn, double epsilon) {
    /** Validates. */
    public Options {
      if (method == null) {
        throw new IllegalArgumentException("A normalisation method is required");
      }
      if (sampleColumn != null && sampleValue == null) {
        throw new IllegalArgumentException("A sample column needs a sample value");
      }
      if (!(epsilon >= 0)) {
        throw new IllegalArgumentException("Invalid epsilon: " + epsilon);
      }
    }

    /**
     * The JUMP recipe: per plate (Metadata_Plate), fit on DMSO wells (Metadata_pert_iname == DMSO,
     * as {@link Annotate} writes it), pycytominer's epsilon.
     *
     * @param method the scaler
     * @return options
     */
    public static Options perPlateAgainstDmso(Method method) {
      return new Options(method, "Metadata_pert_iname", "DMSO", "Metadata_Plate", MAD_EPSILON);
    }

    /**
     * Fit on every row, one group.
     *
     * @param method the scaler
     * @return options
     */
    public static Options allSamples(Method method) {
      return new Options(method, null, null, null, MAD_EPSILON);
    }
  }

  private Normalize() {}

  /**
   * Normalises every feature.
   *
   * @param profiles annotated profiles
   * @param options method, samples and grouping
   * @return the same columns in the same order, features replaced by their normalised values
   * @throws IllegalArgumentException naming a missing column, or a plate without sample rows
   */
  public static Table apply(Table profiles, Options options) {
    for (String c : Arrays.asList(options.sampleColumn(), options.plateColumn())) {
      if (c != null && !profiles.columnNames().contains(c)) {
        throw new IllegalArgumentException("Table " + profiles.name() + " has no column " + c + " to normalise by");
      }
    }
    Map<String, List<Integer>> plates = new LinkedHashMap<>();
    for (int r = 0; r < profiles.rowCount(); r++) {
      String plate = options.plateColumn() == null ? "" : profiles.column(options.plateColumn()).getString(r);
      plates.computeIfAbsent(plate, k -> new ArrayList<>()).add(r);
    }
    Map<String, double[]> normalised = new LinkedHashMap<>();
    List<String> features = ProfileColumns.features(profiles);
    for (String f : features) {
      normalised.put(f, new double[profiles.rowCount()]);
    }
    for (Map.Entry<String, List<Integer>> plate : plates.entrySet()) {
      List<Integer> rows = plate.getValue();
      List<Integer> samples = rows.stream().filter(r -> options.sampleColumn() == null
          || options.sampleValue().equals(profiles.column(options.sampleColumn()).getString(r))).toList();
      if (samples.isEmpty()) {
        throw new IllegalArgumentException("Plate " + plate.getKey() + " has no rows with " + options.sampleColumn()
            + " = " + options.sampleValue() + " to normalise against");
      }
      for (String f : features) {
        double[] all = ProfileColumns.values(profiles, f);
        double[] fit = new double[samples.size()];
        for (int i = 0; i < fit.length; i++) {
          fit[i] = all[samples.get(i)];
        }
        double[] centreScale = options.method() == Method.STANDARDIZE ? standardScaler(fit) : robustMad(fit, options.epsilon());
        double[] out = normalised.get(f);
        for (int r : rows) {
          out[r] = (all[r] - centreScale[0]) / centreScale[1];
        }
      }
    }
    List<Column<?>> cols = new ArrayList<>();
    for (Column<?> c : profiles.columns()) {
      double[] v = normalised.get(c.name());
      cols.add(v == null ? c.copy() : DoubleColumn.create(c.name(), v));
    }
    return Tables.of(profiles.name(), cols);
  }

  /**
   * scikit-learn's {@code StandardScaler} fit on the finite values.
   *
   * @param values sample values
   * @return {mean, scale}; NaN mean when no value is finite
   */
  static double[] standardScaler(double[] values) {
    double[] v = Arrays.stream(values).filter(Double::isFinite).toArray();
    int n = v.length;
    if (n == 0) {
      return new double[] {Double.NaN, 1};
    }
    double sum = 0;
    for (double x : v) {
      sum += x;
    }
    double mean = sum / n;
    double ss = 0;
    for (double x : v) {
      ss += (x - mean) * (x - mean);
    }
    double var = ss / n;
    double eps = Math.ulp(1.0);
    double bound = n * eps * var + (n * mean * eps) * (n * mean * eps);
    double scale = var <= bound ? 1 : Math.sqrt(var);
    return new double[] {mean, scale};
  }

  /**
   * pycytominer's RobustMAD fit on the finite values.
   *
   * @param values sample values
   * @param epsilon added to the scale
   * @return {median, mad + epsilon}
   */
  static double[] robustMad(double[] values, double epsilon) {
    double median = WellAggregation.median(values);
    double[] dev = Arrays.stream(values).filter(Double::isFinite).map(x -> Math.abs(x - median)).toArray();
    double mad = WellAggregation.median(dev) / (1 / MAD_NORMAL);
    return new double[] {median, mad + epsilon};
  }
}
