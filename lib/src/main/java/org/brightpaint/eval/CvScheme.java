package org.brightpaint.eval;

/**
 * How MoA cross-validation splits the cells into folds.
 *
 * <p>Cells of one well share the well's plate position, density and staining, so a fold that
 * trains on some cells of a well and tests on others measures recognition of the well, not of
 * the mechanism: {@link #WELL} is the default, {@link #COMPOUND} the stricter setting (the
 * classifier never sees the test compound), {@link #CELL} the paper's setting, kept for
 * comparison.
 */
public enum CvScheme {
  /** Grouped by plate and well: no well in both training and test folds (default). */
  WELL("well-grouped"),
  /**
   * Grouped by compound: no compound in both; the negative control (one compound, DMSO, in many
   * wells) is grouped by well instead, so it is always in training.
   */
  COMPOUND("leave-compound-out"),
  /** Stratified over cells only, as the paper did: cells of one well in training and test. */
  CELL("cell-level (as the paper)");

  private final String label;

  CvScheme(String label) {
    this.label = label;
  }

  /** @return the name shown in tables, e.g. "well-grouped" */
  public String label() {
    return label;
  }
}
