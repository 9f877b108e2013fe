package org.brightpaint.training;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import java.util.Map;
import org.brightpaint.models.diffusion.Denoiser;
import org.brightpaint.models.diffusion.Diffusion;
import org.brightpaint.models.diffusion.DiffusionGenerator;
import org.brightpaint.models.diffusion.DiffusionOptions;
import org.brightpaint.models.diffusion.Ema;
import org.brightpaint.models.diffusion.NoiseInput;
import org.brightpaint.models.diffusion.NoiseSchedule;
import org.brightpaint.models.diffusion.SeededNoise;

/**
 * The diffusion training loop (Palette, SPADE-Diffusion). Data order, seeding, validation,
 * checkpoints, exact resume, NaN and out-of-memory handling come from {@link TrainingLoop}; one
 * step reads like DJL's {@code EasyTrain.trainBatch}:
 * <pre>
 *   t, eps   ~ U{1..T} (or t = floor(T u^(1/k)), k = DiffusionOptions.timestepPower() &gt; 1), N(0, I)
 *                                                       drawn from (seed, step)
 *   x_t      = sqrt(abar) x0 + sqrt(1 - abar) eps      (Palette: abar ~ U(abar_t, abar_{t-1}))
 *   loss     = mean((out_theta(x_t, s, bf) - target)^2) (bf zeroed with p = conditionDropout)
 *   target   = eps, or v = sqrt(abar) eps - sqrt(1 - abar) x0 with {@link DiffusionOptions#prediction()} V
 *   backward; Adam step; EMA update (decay from {@link DiffusionOptions#emaDecayAt(long)})
 * </pre>
 * Validation samples with the EMA weights and the generator's default sampler. The EMA denoiser
 * is part of the generator's network, so every checkpoint holds it. A non-finite loss skips the
 * update (weights stay as they were) and {@link TrainingLoop} stops the run naming the step and
 * the last good checkpoint.
 *
 * <p>References: Ho et al. 2020, arXiv:2006.11239 (Algorithm 1); Saharia et al. 2022 (Palette's
 * noise-level sampling); Ho and Salimans 2022, arXiv:2207.12598 (condition dropout).
 */
public final class DiffusionLoop extends TrainingLoop {

  private final DiffusionGenerator diffusionGenerator;
  private final DiffusionOptions diffusion;
  private final NoiseSchedule schedule;
  private final Adam adam;

  /**
   * @param generator the generator; its online denoiser is trained and its EMA copy updated
   * @param options steps, batch, learning rate, betas, seed, checkpointing
   * @param train training pairs (brightfield [3, H, W], fluorescence [C, H, W]) in [-1, 1]
   * @param validation validation pairs, or null
   */
  public DiffusionLoop(DiffusionGenerator generator, TrainingOptions options, PairedSource train,
      PairedSource validation) {
    this(generator, options, train, validation, true);
  }

  /**
   * @param generator the generator; its online denoiser is trained and its EMA copy updated
   * @param options steps, batch, learning rate, betas, seed, checkpointing
   * @param train training pairs (brightfield [3, H, W], fluorescence [C, H, W]) in [-1, 1]
   * @param validation validation pairs, or null
   * @param augment random flips and 90-degree rotations (drawn from the seed and step)
   */
  public DiffusionLoop(DiffusionGenerator generator, TrainingOptions options, PairedSource train,
      PairedSource validation, boolean augment) {
    super(generator, options, train, validation, augment);
    this.diffusionGenerator = generator;
    this.diffusion = generator.diffusionOptions();
    this.schedule = diffusion.trainSchedule();
    this.adam = new Adam(options.beta1(), options.beta2(), 1e-8, manager);
  }

  @Override
  protected Map<String, Double> trainStep(NDList batch, long step) {
    Denoiser online = diffusionGenerator.denoiser();
    NDArray bf = batch.get(0);
    NDArray x0 = batch.get(1);
    int b = (int) x0.getShape().get(0);
    SeededNoise noise = SeededNoise.of(Seeds.forStep(options.seed(), step));
    float[] levels = new float[b];
    float[] alphaBars = new float[b];
    float[] keep = new float[b];
    for (int i = 0; i < b; i++) {
      int t = diffusion.timestepPower() == 1 ? noise.nextInt(schedule.steps())
          : diffusion.trainStepAt(noise.nextDouble());
      if (diffusion.noiseInput() == NoiseInput.NOISE_LEVEL) {
        double lo = schedule.alphaBar(t);
        double gamma = lo + (schedule.alphaBarPrev(t) - lo) * noise.nextDouble();
        alphaBars[i] = (float) gamma;
        levels[i] = (float) (NoiseInput.LEVEL_SCALE * gamma);
      } else {
        alphaBars[i] = (float) schedule.alphaBar(t);
        levels[i] = t;
      }
      keep[i] = noise.nextDouble() < diffusion.conditionDropout() ? 0f : 1f;
    }
    NDArray eps = noise.normal(x0.getManager(), x0.getShape());
    NDArray ab = x0.getManager().create(alphaBars);
    NDArray xt = Diffusion.qSample(x0, eps, ab);
    NDArray target = diffusion.prediction().target(x0, eps, ab);
    NDArray cond = bf.mul(bf.getManager().create(keep).reshape(b, 1, 1, 1));
    NDArray level = x0.getManager().create(levels);
    double mse;
    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
      NDArray loss = online.predictNoise(xt, level, cond, true).sub(target).square().mean();
      mse = value(loss);
      if (Double.isFinite(mse)) {
        gc.backward(loss);
      }
    }
    if (Double.isFinite(mse)) {
      adam.step(online, options.schedule().at(step));
      Ema.update(diffusionGenerator.emaDenoiser(), online, diffusion.emaDecayAt(adam.updates()));
    } else {
      Gradients.zero(online);
    }
    return losses("mse", mse);
  }

  @Override
  protected Map<String, Adam> optimisers() {
    return Map.of("denoiser", adam);
  }

  @Override
  protected Map<String, Block> optimised() {
    return Map.of("denoiser", diffusionGenerator.denoiser());
  }
}
