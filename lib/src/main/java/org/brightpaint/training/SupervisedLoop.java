package org.brightpaint.training;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import java.util.Map;
import org.brightpaint.models.Generator;

/**
 * Supervised training with MSE, for the UNet: {@code loss = mean((G(bf) - fluorescence)^2)},
 * Adam (2e-4 in the reference).
 */
public final class SupervisedLoop extends TrainingLoop {

  private final Adam adam;

  /**
   * @param generator the generator
   * @param options the settings
   * @param train training pairs
   * @param validation validation pairs, or null
   * @param augment random flips and rotations
   */
  public SupervisedLoop(Generator generator, TrainingOptions options, PairedSource train, PairedSource validation,
      boolean augment) {
    super(generator, options, train, validation, augment);
    this.adam = new Adam(options.beta1(), options.beta2(), 1e-8, manager);
  }

  @Override
  protected Map<String, Double> trainStep(NDList batch, long step) {
    NDArray bf = batch.get(0);
    NDArray target = batch.get(1);
    double mse;
    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
      NDArray pred = generator.network().forward(parameterStore(), new NDList(bf), true).singletonOrThrow();
      NDArray loss = pred.sub(target).square().mean();
      gc.backward(loss);
      mse = value(loss);
    }
    adam.step(generator.network(), options.schedule().at(step));
    return losses("mse", mse);
  }

  @Override
  protected Map<String, Adam> optimisers() {
    return Map.of("generator", adam);
  }

  @Override
  protected Map<String, Block> optimised() {
    return Map.of("generator", generator.network());
  }
}
