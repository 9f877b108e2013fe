package org.brightpaint.training;

/**
 * Learning rate as a function of the step about to run (1-based).
 */
@FunctionalInterface
public interface LearningRateSchedule {

  /**
   * @param step the step about to run, 1-based
   * @return the learning rate
   */
  double at(long step);

  /**
   * @param lr the rate
   * @return a constant schedule
   */
  static LearningRateSchedule constant(double lr) {
    return step -> lr;
  }

  /**
   * Pix2Pix's "linear" policy: {@code lr} for the first {@code constantSteps}, then linear decay
   * to zero over {@code decaySteps}: {@code lr * (1 - max(0, step - constantSteps) / (decaySteps + 1))}.
   * The reference uses 100 epochs constant + 100 epochs decay.
   *
   * @param lr the initial rate
   * @param constantSteps steps at the initial rate
   * @param decaySteps steps of linear decay
   * @return the schedule
   */
  static LearningRateSchedule linearDecay(double lr, long constantSteps, long decaySteps) {
    return step -> lr * (1.0 - Math.max(0, step - constantSteps) / (double) (decaySteps + 1));
  }
}
