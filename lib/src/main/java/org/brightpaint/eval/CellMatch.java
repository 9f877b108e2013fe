package org.brightpaint.eval;

/**
 * A one-to-one matching of the cells of two feature tables of the same images.
 *
 * @param realRows matched row indices in the real table
 * @param syntheticRows the partner row in the synthetic table, same length as {@code realRows}
 * @param distances centroid distance of each pair, pixels
 * @param realCount rows in the real table
 * @param syntheticCount rows in the synthetic table
 */
public record CellMatch(int[] realRows, int[] syntheticRows, double[] distances, int realCount, int syntheticCount) {

  /** @return the number of matched pairs */
  public int size() {
    return realRows.length;
  }

  /** @return real cells without a partner */
  public int unmatchedReal() {
    return realCount - realRows.length;
  }

  /** @return synthetic cells without a partner */
  public int unmatchedSynthetic() {
    return syntheticCount - syntheticRows.length;
  }
}
