package org.brightpaint.models.diffusion;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Properties;
import org.brightpaint.models.BlockGenerator;
import org.brightpaint.models.GeneratorOptions;
import org.brightpaint.models.ModelKind;
import org.brightpaint.models.Normalisation;
import org.brightpaint.models.Preset;
import org.brightpaint.models.Sampling;

/**
 * Palette or SPADE-Diffusion behind the {@link org.brightpaint.models.Generator} contract:
 * {@code predict} draws x_T ~ N(0, I) from the sampling seed and runs the configured sampler with
 * the EMA denoiser, conditioned on the brightfield batch; the result is the clean image x_0 in
 * [-1, 1].
 *
 * <p>Samplers ({@link Sampling}): DDPM with the sampling schedule's T steps is ancestral sampling
 * ({@link DdpmSampler}); DDPM with fewer steps is ancestral sampling on the respaced schedule,
 * which is DDIM with eta = 1 ({@link DdimSampler}); DDIM uses {@link DiffusionOptions#eta()}.
 * With a guidance scale s != 1 each step evaluates the denoiser with and without the condition
 * (zeros) and uses eps_u + s (eps_c - eps_u) (Ho and Salimans 2022, arXiv:2207.12598).
 */
public final class DiffusionGenerator extends BlockGenerator {

  private final DiffusionOptions diffusion;
  private final DiffusionNetwork net;
  private final NoiseSchedule sampleSchedule;

  /**
   * Builds and initialises a generator; weights are drawn from {@code seed}.
   *
   * @param options shared options (kind PALETTE or SPADE_DIFFUSION)
   * @param diffusion diffusion options
   * @param normalisation the data's normalisation
   * @param device where the weights live
   * @param seed weight initialisation seed
   */
  public DiffusionGenerator(GeneratorOptions options, DiffusionOptions diffusion, Normalisation normalisation,
      Device device, long seed) {
    this(options, diffusion, normalisation, device, network(options, diffusion, seed));
  }

  private DiffusionGenerator(GeneratorOptions options, DiffusionOptions diffusion, Normalisation normalisation,
      Device device, DiffusionNetwork net) {
    super(options, normalisation, net, device, net.online().sideMultiple());
    this.diffusion = diffusion;
    this.net = net;
    this.sampleSchedule = diffusion.sampleSchedule();
    net.average().freezeParameters(true);
  }

  private static DiffusionNetwork network(GeneratorOptions o, DiffusionOptions d, long seed) {
    if (o.kind().family() != ModelKind.Family.DIFFUSION) {
      throw new IllegalArgumentException(o.kind().cliName() + " is not a diffusion model");
    }
    DenoiserConfig c = d.denoiserConfig(o);
    if (o.imageSize() % c.sideMultiple() != 0) {
      throw new IllegalArgumentException("Image size " + o.imageSize() + " must be a multiple of "
          + c.sideMultiple() + " for depth " + o.depth());
    }
    return new DiffusionNetwork(denoiser(c, o, d, seed), denoiser(c, o, d, seed));
  }

  private static Denoiser denoiser(DenoiserConfig c, GeneratorOptions o, DiffusionOptions d, long seed) {
    return d.perChannel() ? new PerChannelDenoiser(c, o.outputChannels(), seed) : new DenoiserUNet(c, seed);
  }

  /** @return the diffusion options */
  public DiffusionOptions diffusionOptions() {
    return diffusion;
  }

  /** @return the denoiser being trained */
  public Denoiser denoiser() {
    return net.online();
  }

  /** @return the EMA denoiser that sampling uses */
  public Denoiser emaDenoiser() {
    return net.average();
  }

  /**
   * The embedding input for a batch at one step of the sampling schedule.
   *
   * @param manager where to create it
   * @param batch B
   * @param index 0-based step index
   * @return [B] noise levels (1000 alpha-bar) or timesteps
   */
  NDArray levelAt(NDManager manager, long batch, int index) {
    float v = diffusion.noiseInput() == NoiseInput.NOISE_LEVEL
        ? (float) (NoiseInput.LEVEL_SCALE * sampleSchedule.alphaBar(index))
        : index;
    float[] a = new float[(int) batch];
    java.util.Arrays.fill(a, v);
    return manager.create(a);
  }

  /**
   * One denoiser evaluation per step, min(steps, T) steps (DDPM with T steps is the full ancestral
   * sampler, any other count is respaced), doubled with classifier-free guidance.
   *
   * @param sampling the sampler
   * @return denoiser evaluations per prediction
   */
  @Override
  public int networkEvaluations(Sampling sampling) {
    return Math.min(sampling.steps(), sampleSchedule.steps()) * (diffusion.guidanceScale() == 1.0 ? 1 : 2);
  }

  /** @return {@link org.brightpaint.models.Stochasticity#SAMPLER_NOISE}: each seed starts from its own x_T */
  @Override
  public org.brightpaint.models.Stochasticity stochasticity() {
    return org.brightpaint.models.Stochasticity.SAMPLER_NOISE;
  }

  /** @return the options' default sampler ({@link DiffusionOptions#sampling()}) */
  @Override
  public Sampling defaultSampling() {
    return diffusion.sampling();
  }

  @Override
  public NDArray predict(NDArray brightfield) {
    return predict(brightfield, diffusion.sampling());
  }

  @Override
  public NDArray predict(NDArray brightfield, Sampling sampling) {
    return sample(brightfield, sampling, diffusion.eta(), diffusion.guidanceScale());
  }

  /**
   * Samples fluorescence for a brightfield batch with the EMA denoiser.
   *
   * @param brightfield [B, 3, H, W] in [-1, 1], H and W multiples of {@link #sizeMultiple()}
   * @param sampling sampler, step count and seed of x_T and of the sampler's noise
   * @param eta DDIM eta (ignored by DDPM)
   * @param guidance classifier-free guidance scale (1 = off)
   * @return [B, C, H, W] in [-1, 1], on the input's device
   */
  public NDArray sample(NDArray brightfield, Sampling sampling, double eta, double guidance) {
    checkInput(brightfield);
    Device home = brightfield.getDevice();
    try (NDManager work = manager().newSubManager()) {
      NDArray cond = brightfield.toDevice(device(), true);
      cond.attach(work);
      Shape s = cond.getShape();
      Shape outShape = new Shape(s.get(0), options().outputChannels(), s.get(2), s.get(3));
      SeededNoise noise = SeededNoise.of(sampling.seed());
      NDArray start = noise.normal(work, outShape);
      NoisePredictor model = predictor(cond, guidance);
      int total = sampleSchedule.steps();
      NDArray out;
      if (sampling.sampler() == Sampling.Sampler.DDPM && sampling.steps() == total) {
        out = DdpmSampler.sample(sampleSchedule, model, start, noise, diffusion.prediction());
      } else {
        double e = sampling.sampler() == Sampling.Sampler.DDPM ? 1.0 : eta;
        out = DdimSampler.sample(sampleSchedule, model, start, Math.min(sampling.steps(), total), e, noise,
            diffusion.prediction());
      }
      NDArray result = out.toDevice(home, true);
      result.attach(brightfield.getManager());
      return result;
    }
  }

  /**
   * The noise predictor samplers call: the EMA denoiser at the step's noise level, with guidance.
   *
   * @param cond the brightfield batch on this generator's device
   * @param guidance guidance scale
   * @return the predictor
   */
  NoisePredictor predictor(NDArray cond, double guidance) {
    Denoiser d = net.average();
    if (guidance == 1.0) {
      return (x, i) -> d.predictNoise(x, levelAt(x.getManager(), x.getShape().get(0), i), cond, false);
    }
    NDArray both = cond.concat(cond.zerosLike(), 0);
    return (x, i) -> {
      long b = x.getShape().get(0);
      NDArray eps = d.predictNoise(x.concat(x, 0), levelAt(x.getManager(), 2 * b, i), both, false);
      NDList parts = eps.split(2, 0);
      NDArray c = parts.get(0);
      NDArray u = parts.get(1);
      return u.add(c.sub(u).mul(guidance));
    };
  }

  /**
   * A preset's network in words, without keeping a generator around.
   *
   * @param kind PALETTE or SPADE_DIFFUSION
   * @param preset ci or paper
   * @return the markdown of {@link #describe()} for the preset's defaults
   */
  public static String describe(ModelKind kind, Preset preset) {
    try (DiffusionGenerator g = new DiffusionGenerator(GeneratorOptions.of(kind, preset),
        DiffusionOptions.of(kind, preset), Normalisation.defaults(org.brightpaint.data.Channel.FLUORESCENT),
        Device.cpu(), DiffusionFactory.DEFAULT_SEED)) {
      return g.describe();
    }
  }

  /**
   * The network in words (markdown), for notebooks: levels, widths, attention, conditioning,
   * schedules, sampler and parameter count.
   *
   * @return a markdown description
   */
  public String describe() {
    DenoiserConfig c = diffusion.denoiserConfig(options());
    boolean spade = c.conditioning() == Conditioning.SPADE;
    StringBuilder b = new StringBuilder();
    b.append("**").append(options().kind() == ModelKind.PALETTE ? "Palette" : "SPADE-Diffusion")
        .append("** (").append(options().preset().label()).append(" preset, ")
        .append(String.format("%,d", parameterCount())).append(" trainable parameters")
        .append(diffusion.perChannel() ? ", one denoiser per channel" : "").append(")\n\n");
    b.append("- Denoiser eps_theta(x_t, s, brightfield): a UNet on ").append(options().imageSize()).append(" x ")
        .append(options().imageSize()).append(" crops. Input: ")
        .append(spade ? "the noisy fluorescence x_t only (" + c.noisyChannels() + " channels); the brightfield "
            + "drives SPADE-GroupNorm in the middle and decoder blocks (hidden " + c.spadeHidden() + ")"
            : "brightfield (" + c.condChannels() + ") concatenated with the noisy fluorescence x_t (" + c.noisyChannels()
            + ")")
        .append(".\n");
    StringBuilder widths = new StringBuilder();
    int side = options().imageSize();
    for (int l = 0; l < c.levels(); l++) {
      widths.append(l == 0 ? "" : ", ").append(c.innerChannels() * c.channelMults().get(l)).append(" @ ")
          .append(side >> l).append("px");
    }
    b.append("- Encoder levels (channels @ side): ").append(widths).append("; ").append(c.resBlocks())
        .append(" residual block(s) per level (GroupNorm, SiLU, 3x3 conv, time scale-shift, dropout ")
        .append(c.dropout()).append("), residual down/up-sampling (average pool / nearest + conv).\n");
    b.append("- Self-attention (").append(c.headChannels()).append(" channels per head) in the middle block")
        .append(c.attentionDownsample().isEmpty() ? "" : " and at downsampling factors " + c.attentionDownsample())
        .append(".\n");
    b.append("- Noise embedding: sinusoid of ").append(diffusion.noiseInput() == NoiseInput.NOISE_LEVEL
        ? "the noise level 1000 alpha-bar" : "the timestep t").append(", MLP to ")
        .append(4 * c.innerChannels()).append(" channels.\n");
    b.append(diffusion.prediction() == Prediction.V
        ? "- Training: predict v = sqrt(abar) eps - sqrt(1 - abar) x0 (Salimans and Ho 2022), MSE; schedule"
        : "- Training: predict the noise, MSE; schedule").append(" linear T = ").append(diffusion.trainSteps())
        .append(" (").append(diffusion.trainBetaStart()).append(" .. ").append(diffusion.trainBetaEnd())
        .append("); EMA ").append(diffusion.emaDecay()).append(diffusion.emaWarmup() ? " with warm-up" : "")
        .append(diffusion.conditionDropout() > 0 ? "; condition dropout " + diffusion.conditionDropout() : "")
        .append(".\n");
    b.append("- Sampling: schedule T = ").append(diffusion.sampleSteps()).append(" (")
        .append(diffusion.sampleBetaStart()).append(" .. ").append(diffusion.sampleBetaEnd())
        .append("); default ").append(diffusion.sampling().sampler()).append("-")
        .append(diffusion.sampling().steps())
        .append(diffusion.guidanceScale() != 1 ? ", guidance " + diffusion.guidanceScale() : "").append(".\n");
    return b.toString();
  }

  /** @return the {@code diffusion.*} keys of {@link DiffusionOptions#writeTo(Properties)} */
  @Override
  public Properties extraProperties() {
    Properties p = new Properties();
    diffusion.writeTo(p);
    return p;
  }
}
