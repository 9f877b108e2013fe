package org.brightpaint.eval;

/**
 * The outcome of a two-sided significance test.
 *
 * @param test the test's name, e.g. "Wilcoxon signed-rank (exact)"
 * @param n the number of observations used (non-zero differences for Wilcoxon, n1 + n2 for
 *     Mann-Whitney)
 * @param statistic the test statistic (W+ for Wilcoxon, U of the first sample for Mann-Whitney)
 * @param z the normal score when the normal approximation was used, else NaN
 * @param p the two-sided p-value in [0, 1]
 */
public record TestResult(String test, int n, double statistic, double z, double p) {}
