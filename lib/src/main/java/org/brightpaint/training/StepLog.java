package org.brightpaint.training;

import java.util.Map;

/**
 * What one optimisation step reports.
 *
 * @param step global step, 1-based (the number of updates done)
 * @param epoch epoch index, 0-based
 * @param losses named losses of the step, e.g. {@code mse}, or {@code g_gan, g_l1, d}; insertion-ordered
 * @param learningRate the generator's learning rate used
 * @param seconds wall time of the step
 */
public record StepLog(long step, int epoch, Map<String, Double> losses, double learningRate, double seconds) {

  /** Copies the loss map. */
  public StepLog {
    losses = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(losses));
  }

  /** @return the first loss, the one the progress bar shows and NaN checks watch */
  public double mainLoss() {
    return losses.values().iterator().next();
  }
}
