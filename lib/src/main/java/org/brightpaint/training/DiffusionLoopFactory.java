package org.brightpaint.training;

import org.brightpaint.models.Generator;
import org.brightpaint.models.ModelKind;
import org.brightpaint.models.diffusion.DiffusionGenerator;

/**
 * Plugs the diffusion family into {@link TrainingLoops} (listed in
 * {@code META-INF/services/org.brightpaint.training.LoopFactory}), so that
 * {@code Trainer.train(ModelKind.PALETTE, RunSize.current())} trains Palette and SPADE-Diffusion
 * with {@link DiffusionLoop}.
 */
public final class DiffusionLoopFactory implements LoopFactory {

  /** Creates the factory (for {@link java.util.ServiceLoader}). */
  public DiffusionLoopFactory() {}

  @Override
  public ModelKind.Family family() {
    return ModelKind.Family.DIFFUSION;
  }

  @Override
  public TrainingLoop create(Generator generator, TrainingOptions options, PairedSource train,
      PairedSource validation, boolean augment) {
    if (!(generator instanceof DiffusionGenerator g)) {
      throw new IllegalArgumentException("The diffusion loop trains diffusion generators, got "
          + generator.options().kind().cliName() + " (" + generator.getClass().getSimpleName() + ")");
    }
    return new DiffusionLoop(g, options, train, validation, augment);
  }
}
