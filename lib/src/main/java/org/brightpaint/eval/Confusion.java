package org.brightpaint.eval;

/**
 * A confusion matrix and the F1 scores derived from it.
 *
 * <p>{@code counts[t][p]} is the number of samples of true class {@code t} predicted as {@code p}.
 * Per class {@code F1_c = 2 TP / (2 TP + FP + FN)}; a class that is neither present nor predicted
 * is skipped; a class with {@code 2TP + FP + FN > 0} but {@code TP = 0} scores 0. Macro F1 is the
 * unweighted mean over the classes not skipped (scikit-learn's {@code f1_score(average="macro")}
 * over the labels seen in truth or prediction).
 *
 * @param counts k x k counts
 */
public record Confusion(int[][] counts) {

  /** Validates squareness. */
  public Confusion {
    for (int[] row : counts) {
      if (row.length != counts.length) {
        throw new IllegalArgumentException("confusion matrix must be square, got a row of " + row.length + " in " + counts.length);
      }
    }
  }

  /**
   * @param truth true class indices 0..k-1
   * @param predicted predicted class indices, same length
   * @param k the number of classes
   * @return the matrix
   */
  public static Confusion of(int[] truth, int[] predicted, int k) {
    if (truth.length != predicted.length) {
      throw new IllegalArgumentException("truth has " + truth.length + " labels, prediction " + predicted.length);
    }
    int[][] c = new int[k][k];
    for (int i = 0; i < truth.length; i++) {
      c[truth[i]][predicted[i]]++;
    }
    return new Confusion(c);
  }

  /** @return the number of classes */
  public int k() {
    return counts.length;
  }

  /**
   * @param c class index
   * @return F1 of class c, NaN when the class is neither present nor predicted
   */
  public double f1(int c) {
    int tp = counts[c][c], fp = 0, fn = 0;
    for (int i = 0; i < k(); i++) {
      if (i != c) {
        fp += counts[i][c];
        fn += counts[c][i];
      }
    }
    int den = 2 * tp + fp + fn;
    return den == 0 ? Double.NaN : 2.0 * tp / den;
  }

  /** @return macro-averaged F1 over the classes seen in truth or prediction */
  public double macroF1() {
    double s = 0;
    int n = 0;
    for (int c = 0; c < k(); c++) {
      double f = f1(c);
      if (!Double.isNaN(f)) {
        s += f;
        n++;
      }
    }
    return n == 0 ? Double.NaN : s / n;
  }

  /** @return the fraction of samples on the diagonal */
  public double accuracy() {
    long d = 0, t = 0;
    for (int i = 0; i < k(); i++) {
      for (int j = 0; j < k(); j++) {
        t += counts[i][j];
        if (i == j) d += counts[i][j];
      }
    }
    return t == 0 ? Double.NaN : (double) d / t;
  }

  /**
   * @param other a matrix of the same size
   * @return the element-wise sum (pooling folds)
   */
  public Confusion plus(Confusion other) {
    int[][] c = new int[k()][k()];
    for (int i = 0; i < k(); i++) for (int j = 0; j < k(); j++) c[i][j] = counts[i][j] + other.counts[i][j];
    return new Confusion(c);
  }
}
