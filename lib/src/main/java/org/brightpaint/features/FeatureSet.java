package org.brightpaint.features;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-object measurements of one family for one compartment: an ordered map from a CellProfiler
 * feature name without the compartment prefix (for example {@code "Texture_SumEntropy_ER_3_00_256"}
 * or {@code "AreaShape_Area"}) to one value per object, index {@code label - 1}.
 *
 * <p>The compartment prefix ({@code Cells_}, {@code Nuclei_}, {@code Cytoplasm_}) is added when
 * sets become a table, so one measurement function serves every compartment.
 *
 * @param objectCount the number of objects (length of every column)
 * @param columns feature name to values, in output order
 */
public record FeatureSet(int objectCount, Map<String, double[]> columns) {

  /** Validates that every column has one value per object. */
  public FeatureSet {
    if (objectCount < 0) {
      throw new IllegalArgumentException("objectCount must be >= 0, got " + objectCount);
    }
    LinkedHashMap<String, double[]> copy = new LinkedHashMap<>();
    for (Map.Entry<String, double[]> e : columns.entrySet()) {
      if (e.getValue().length != objectCount) {
        throw new IllegalArgumentException(
            "Feature " + e.getKey() + " has " + e.getValue().length + " values for " + objectCount + " objects");
      }
      copy.put(e.getKey(), e.getValue());
    }
    columns = Collections.unmodifiableMap(copy);
  }

  /** @return the feature names in output order */
  public List<String> names() {
    return List.copyOf(columns.keySet());
  }

  /**
   * @param name a feature name
   * @return its per-object values
   * @throws IllegalArgumentException naming the feature when absent
   */
  public double[] get(String name) {
    double[] v = columns.get(name);
    if (v == null) {
      throw new IllegalArgumentException("No feature " + name + " in this set");
    }
    return v;
  }

  /** A builder that keeps insertion order. */
  public static Builder builder(int objectCount) {
    return new Builder(objectCount);
  }

  /** Collects columns in order. */
  public static final class Builder {
    private final int objectCount;
    private final LinkedHashMap<String, double[]> columns = new LinkedHashMap<>();

    private Builder(int objectCount) {
      this.objectCount = objectCount;
    }

    /**
     * Adds a column.
     *
     * @param name the feature name without compartment prefix
     * @param values one value per object
     * @return this builder
     */
    public Builder put(String name, double[] values) {
      if (columns.putIfAbsent(name, values) != null) {
        throw new IllegalArgumentException("Duplicate feature " + name);
      }
      return this;
    }

    /**
     * Adds every column of another set.
     *
     * @param other a set with the same object count
     * @return this builder
     */
    public Builder putAll(FeatureSet other) {
      other.columns().forEach(this::put);
      return this;
    }

    /** @return the set */
    public FeatureSet build() {
      return new FeatureSet(objectCount, columns);
    }
  }
}
