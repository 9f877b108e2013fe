package org.brightpaint.training;

import java.util.List;

/**
 * The scalar state of a run saved in a checkpoint: with the seed, the step fixes every random
 * draw still to come (see {@link Seeds}), and the history keeps the curves continuous across resumes.
 *
 * @param step completed optimisation steps
 * @param seed master seed
 * @param history every step's log so far
 * @param validations every validation so far
 */
public record TrainingState(long step, long seed, List<StepLog> history, List<ValidationResult> validations) {

  /** Copies the lists. */
  public TrainingState {
    history = List.copyOf(history);
    validations = List.copyOf(validations);
  }
}
