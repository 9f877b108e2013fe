package org.brightpaint.training;

import java.nio.file.Path;

/**
 * Hooks a training loop calls; every method has an empty default. Listeners see progress, they do
 * not change training (EMA updates, which do change state, are a loop concern saved in checkpoints).
 */
public interface TrainingListener {

  /**
   * Called once before the first step (also when resuming).
   *
   * @param firstStep the step about to run, 1-based (&gt; 1 when resuming)
   * @param totalSteps the last step the run will reach
   */
  default void onTrainingBegin(long firstStep, long totalSteps) {}

  /**
   * Called after every optimisation step.
   *
   * @param log what the step reported
   */
  default void onStep(StepLog log) {}

  /**
   * Called after validation at the end of an epoch.
   *
   * @param result the per-channel RMSE
   */
  default void onValidation(ValidationResult result) {}

  /**
   * Called after a checkpoint was written.
   *
   * @param dir the checkpoint folder
   * @param step the step it holds
   */
  default void onCheckpoint(Path dir, long step) {}

  /**
   * Called once when training stops, normally or not.
   *
   * @param lastStep the last completed step
   */
  default void onTrainingEnd(long lastStep) {}
}
