package org.brightpaint.training;

import org.brightpaint.models.Generator;
import org.brightpaint.models.ModelKind;

/**
 * Builds the training loop of one model family. The supervised and adversarial families are
 * built in; the diffusion family registers itself with {@link TrainingLoops#register(LoopFactory)}
 * or through {@code META-INF/services/org.brightpaint.training.LoopFactory}.
 */
public interface LoopFactory {

  /** @return the family this factory trains */
  ModelKind.Family family();

  /**
   * Builds a loop. Seed the engine first when the loop draws weights (discriminators).
   *
   * @param generator the generator to train
   * @param options the settings
   * @param train training pairs
   * @param validation validation pairs, or null
   * @param augment random flips and rotations
   * @return the loop
   */
  TrainingLoop create(Generator generator, TrainingOptions options, PairedSource train, PairedSource validation,
      boolean augment);
}
