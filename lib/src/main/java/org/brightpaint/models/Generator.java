package org.brightpaint.models;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The contract every generator keeps: brightfield in, fluorescence out.
 *
 * <p>Tensors: input {@code [B, I, H, W]} with {@code I = options().inputChannels()} (3 planes:
 * LowZBF, Brightfield, HighZBF), output {@code [B, C, H, W]} with {@code C =
 * options().outputChannels()} (5: Mito, AGP, RNA, ER, DNA; or 1 in per-channel mode). Both in
 * normalised units [-1, 1] (see {@link Normalisation}). {@code H} and {@code W} must be multiples
 * of {@link #sizeMultiple()}; whole images of any size go through {@link TiledPrediction}.
 *
 * <p>A generator owns native memory (its weights live in its own {@link NDManager}); close it.
 * Build one with {@link Generators#create(GeneratorOptions, Device)}, read one with
 * {@link Generators#load(Path, Device)}.
 */
public interface Generator extends AutoCloseable {

  /** @return the recipe that built this generator */
  GeneratorOptions options();

  /** @return the normalisation its inputs and outputs are in */
  Normalisation normalisation();

  /** @return the device its weights live on */
  Device device();

  /** @return the manager owning its weights; tensors for it should be made here or in a child */
  NDManager manager();

  /**
   * The trainable network. For UNet, Pix2Pix and SPADE it maps {@code NDList(bf [B,I,H,W])} to
   * {@code NDList(fluorescence [B,C,H,W])}; for diffusion kinds it is the denoiser, whose inputs
   * are that kind's business.
   *
   * @return the block holding every weight saved by {@link #save(Path)}
   */
  Block network();

  /**
   * Predicts fluorescence in inference mode (no dropout, BatchNorm running statistics).
   *
   * @param brightfield {@code [B, I, H, W]} float32 in [-1, 1], on any device
   * @return {@code [B, C, H, W]} in [-1, 1], attached to the input's manager
   * @throws IllegalArgumentException when the rank, channel count or size is wrong, naming the shape
   */
  NDArray predict(NDArray brightfield);

  /**
   * Predicts with an explicit sampler. Deterministic generators ignore {@code sampling}.
   *
   * @param brightfield {@code [B, I, H, W]} in [-1, 1]
   * @param sampling the sampler and step count for diffusion kinds
   * @return {@code [B, C, H, W]} in [-1, 1]
   */
  default NDArray predict(NDArray brightfield, Sampling sampling) {
    return predict(brightfield);
  }

  /** @return where the randomness of {@link #draw} comes from; {@link Stochasticity#POINT} by default */
  default Stochasticity stochasticity() {
    return Stochasticity.POINT;
  }

  /**
   * One draw from the generator's predictive distribution, reproducible from {@code
   * sampling.seed()}: diffusion kinds sample with that seed, Pix2Pix and SPADE keep dropout on
   * with masks drawn from it ({@link Stochasticity}); point predictors return {@link
   * #predict(NDArray, Sampling)}.
   *
   * @param brightfield {@code [B, I, H, W]} in [-1, 1]
   * @param sampling the sampler and the draw's seed
   * @return {@code [B, C, H, W]} in [-1, 1]
   */
  default NDArray draw(NDArray brightfield, Sampling sampling) {
    return predict(brightfield, sampling);
  }

  /**
   * Network evaluations one {@link #predict(NDArray, Sampling)} costs: 1 for deterministic
   * generators; one per sampler step for diffusion generators (two with classifier-free guidance).
   * Used to extrapolate inference time from a few timed steps.
   *
   * @param sampling the sampler
   * @return evaluations per prediction, at least 1
   */
  default int networkEvaluations(Sampling sampling) {
    return 1;
  }

  /** @return the sampler {@link #predict(NDArray)} uses (diffusion kinds); {@link Sampling#defaults()} otherwise */
  default Sampling defaultSampling() {
    return Sampling.defaults();
  }

  /**
   * Kind-specific header properties saved beside the weights (diffusion: the {@code diffusion.*}
   * keys its loader needs); written by {@link #save(Path)} and into training checkpoints.
   *
   * @return a fresh properties object; empty by default
   */
  default java.util.Properties extraProperties() {
    return new java.util.Properties();
  }

  /** @return the factor H and W must be multiples of (2^depth for the GAN U-Nets, 1 for UNet) */
  int sizeMultiple();

  /** @return the number of trainable scalars of {@link #network()} */
  default long parameterCount() {
    long n = 0;
    for (Parameter p : network().getParameters().values()) {
      if (p.requiresGradient() && p.isInitialized()) {
        n += p.getArray().getShape().size();
      }
    }
    return n;
  }

  /**
   * Saves weights, options and normalisation to a folder ({@code generator.properties} with a
   * format version and the model kind, plus {@code network.params}), atomically: written to a
   * temporary sibling folder, then renamed over {@code dir}.
   *
   * @param dir the folder; replaced if it exists
   * @throws IOException when writing fails (an existing {@code dir} is then left as it was)
   */
  void save(Path dir) throws IOException;

  /** Frees the weights' native memory. */
  @Override
  void close();
}
