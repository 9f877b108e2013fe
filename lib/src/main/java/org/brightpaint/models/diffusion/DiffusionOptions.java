package org.brightpaint.models.diffusion;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.brightpaint.models.GeneratorOptions;
import org.brightpaint.models.ModelKind;
import org.brightpaint.models.Preset;
import org.brightpaint.models.Sampling;

/**
 * The diffusion-specific part of a Palette or SPADE-Diffusion recipe, beyond the shared
 * {@link GeneratorOptions} (image size, base width = inner channels, depth = number of levels,
 * condition hidden = SPADE hidden width, dropout). Saved beside the weights with keys
 * {@code diffusion.*}.
 *
 * @param resBlocks residual blocks per encoder level (2 in the references)
 * @param attentionDownsample downsampling factors with self-attention (see {@link DenoiserConfig})
 * @param headChannels channels per attention head (32)
 * @param trainSteps T of the training schedule
 * @param trainBetaStart beta_1 of the training schedule
 * @param trainBetaEnd beta_T of the training schedule
 * @param sampleSteps T of the sampling schedule
 * @param sampleBetaStart beta_1 of the sampling schedule
 * @param sampleBetaEnd beta_T of the sampling schedule
 * @param noiseInput what the embedding receives (Palette: noise level; SDM: timestep)
 * @param emaDecay EMA decay of the sampling weights (0.9999)
 * @param emaWarmup use decay min(emaDecay, (1 + n) / (10 + n)) at update n, so that short runs
 *     have useful EMA weights (off in the paper preset)
 * @param conditionDropout probability of replacing the condition by zeros in training
 *     (classifier-free guidance; SDM 0.2 when fine-tuning; 0 = off)
 * @param guidanceScale s in eps = eps_u + s (eps_c - eps_u); 1 = no guidance (one forward per step)
 * @param eta DDIM eta used by {@link Sampling.Sampler#DDIM} (0 = deterministic)
 * @param perChannel one denoiser per fluorescent channel
 * @param sampling the default sampler for {@code predict}
 * @param prediction what the denoiser outputs: {@link Prediction#EPSILON} (the references, "paper")
 *     or {@link Prediction#V} ("ci": bounded x_0 estimates at high noise; see {@link Prediction})
 * @param timestepPower k &gt;= 1 of the training-timestep draw t = floor(T u^(1/k)), u ~ U[0, 1):
 *     1 = uniform (the references), {@value #CI_TIMESTEP_POWER} at ci (see {@link #CI_TIMESTEP_POWER})
 */
public record DiffusionOptions(
    int resBlocks,
    Set<Integer> attentionDownsample,
    int headChannels,
    int trainSteps,
    double trainBetaStart,
    double trainBetaEnd,
    int sampleSteps,
    double sampleBetaStart,
    double sampleBetaEnd,
    NoiseInput noiseInput,
    double emaDecay,
    boolean emaWarmup,
    double conditionDropout,
    double guidanceScale,
    double eta,
    boolean perChannel,
    Sampling sampling,
    Prediction prediction,
    double timestepPower) {

  /**
   * DDIM steps of the "ci" preset's default sampler: 2, the respaced steps T - 1 and 0, i.e. one
   * clean-image estimate from x_T at the top of the schedule, renoised to alpha-bar_0 and denoised
   * once more. Chosen by measurement on the 400-step ci checkpoints of 2026-12-07 (crops of the
   * test plates, DNA, normalised SSIM against the real image): Palette 0.053 with DDIM-10, 0.045
   * with 10 quadratically spaced steps, 0.065 with 6, 0.089 with 3, 0.146 with DDIM-2;
   * SPADE-Diffusion 0.066 with DDIM-10, 0.098 with 3 quadratic steps, 0.166 with DDIM-1. Every step
   * at a low or moderate noise level leaves speckle: a denoiser trained for a few hundred CPU steps
   * has not learnt to tell noise from stain there, and the x_0 clip at -1 (the stain's background)
   * keeps only the bright half of the residue. On 8 whole test sites (DNA, normalised) Palette went
   * from MSE 0.0208 / SSIM 0.123 (DDIM-10) to 0.0160 / 0.246 (DDIM-2) and SPADE-Diffusion from
   * 0.0209 / 0.131 to 0.0152 / 0.276, against the mean image's 0.0197 / 0.403, with a fifth of the
   * denoiser evaluations (README, "Diffusion models at ci: why DDIM-2").
   */
  public static final int CI_DDIM_STEPS = 2;

  /**
   * Training-timestep power k of the "ci" preset ({@link #trainStepAt(double)}): t / T drawn with
   * density 6 x^5, so 63/64 of the training examples lie in the noisier half of the schedule
   * instead of 1/2 (and half of them in the top 11 %). The ci sampler ({@value #CI_DDIM_STEPS} DDIM steps) takes its clean-image estimate
   * from x_T, i.e. at the top of the schedule, and the second step at alpha-bar_0 changes it
   * only at the scale of sqrt(1 - alpha-bar_0) = 0.01; a 400-step run should spend its updates
   * where the sample is made. Non-uniform training noise levels are the references' own lever: Karras et al.
   * 2022 (EDM, arXiv:2206.00364, section 5: a log-normal p(sigma) focused on the levels where the
   * loss can still be reduced), Esser et al. 2024 (arXiv:2403.03206, logit-normal timestep
   * sampling). Measured together with {@code TrainingOptions.CI_DIFFUSION_DECAY_FRACTION} on the
   * 400-step ci run (README, "Training at ci"): on 8 test sites Palette's DNA normalised SSIM was
   * 0.246 with k = 1, 0.360 with k = 3 and 0.596 with k = 6 (mean image 0.403); the paper preset
   * keeps k = 1 (uniform t, as Ho et al. 2020 Algorithm 1).
   */
  public static final double CI_TIMESTEP_POWER = 6;

  /** Validates with messages naming the value. */
  public DiffusionOptions {
    if (resBlocks < 1 || headChannels < 1) {
      throw new IllegalArgumentException("resBlocks and headChannels must be >= 1, got " + resBlocks
          + ", " + headChannels);
    }
    attentionDownsample = Set.copyOf(attentionDownsample);
    NoiseSchedule.linear(trainSteps, trainBetaStart, trainBetaEnd);
    NoiseSchedule.linear(sampleSteps, sampleBetaStart, sampleBetaEnd);
    if (noiseInput == null || sampling == null || prediction == null) {
      throw new IllegalArgumentException("noiseInput, sampling and prediction must not be null");
    }
    if (noiseInput == NoiseInput.TIMESTEP && (trainSteps != sampleSteps
        || trainBetaStart != sampleBetaStart || trainBetaEnd != sampleBetaEnd)) {
      throw new IllegalArgumentException("A timestep-conditioned denoiser must sample with its training "
          + "schedule; use NOISE_LEVEL to sample with another one");
    }
    if (!(timestepPower >= 1) || Double.isInfinite(timestepPower)) {
      throw new IllegalArgumentException("timestepPower must be finite and >= 1, got " + timestepPower);
    }
    if (!(emaDecay >= 0 && emaDecay < 1)) {
      throw new IllegalArgumentException("emaDecay must be in [0, 1), got " + emaDecay);
    }
    if (!(conditionDropout >= 0 && conditionDropout < 1)) {
      throw new IllegalArgumentException("conditionDropout must be in [0, 1), got " + conditionDropout);
    }
    if (!(guidanceScale >= 0) || Double.isInfinite(guidanceScale) || !(eta >= 0) || Double.isInfinite(eta)) {
      throw new IllegalArgumentException("guidanceScale and eta must be finite and >= 0, got "
          + guidanceScale + ", " + eta);
    }
  }

  /**
   * The defaults of a diffusion kind at a preset.
   * <ul>
   *   <li>Palette paper: 2 blocks, attention factor 16 (middle only at 4 levels), 32 channels per
   *       head, train T = 2000 (1e-6 .. 0.01), sample T = 1000 (1e-4 .. 0.09), noise-level input,
   *       EMA 0.9999, DDIM 50.
   *   <li>SPADE-Diffusion paper: the same skeleton, T = 1000 (1e-4 .. 0.02) for both, timestep
   *       input, condition dropout 0.2 and guidance 1.5.
   *   <li>ci: 1 block, attention at factor 4 and in the middle, EMA 0.999 with warm-up, no
   *       guidance, deterministic DDIM with {@value #CI_DDIM_STEPS} steps (see {@link #CI_DDIM_STEPS}
   *       for why so few), training timesteps drawn with power {@value #CI_TIMESTEP_POWER} towards
   *       high noise ({@link #CI_TIMESTEP_POWER}), and V-prediction
   *       ({@link Prediction#V}) instead of the references' epsilon-prediction: a denoiser trained
   *       for a few hundred CPU steps predicts eps too coarsely at high noise, where
   *       x_0 = (x_t - sqrt(1 - a) eps) / sqrt(a) magnifies the error and samples drift; v keeps
   *       x_0 = sqrt(a) x_t - sqrt(1 - a) v bounded (Salimans and Ho 2022, arXiv:2202.00512).
   * </ul>
   *
   * @param kind PALETTE or SPADE_DIFFUSION
   * @param preset ci or paper
   * @return the options
   */
  public static DiffusionOptions of(ModelKind kind, Preset preset) {
    boolean paper = preset == Preset.PAPER;
    Sampling sampling = new Sampling(Sampling.Sampler.DDIM, paper ? 50 : CI_DDIM_STEPS, 0);
    Prediction prediction = paper ? Prediction.EPSILON : Prediction.V;
    double power = paper ? 1 : CI_TIMESTEP_POWER;
    return switch (kind) {
      case PALETTE -> new DiffusionOptions(paper ? 2 : 1, paper ? Set.of(16) : Set.of(4), 32,
          2000, 1e-6, 0.01, 1000, 1e-4, 0.09, NoiseInput.NOISE_LEVEL,
          paper ? 0.9999 : 0.999, !paper, 0, 1, 0, false, sampling, prediction, power);
      case SPADE_DIFFUSION -> new DiffusionOptions(paper ? 2 : 1, paper ? Set.of(16) : Set.of(4), 32,
          1000, 1e-4, 0.02, 1000, 1e-4, 0.02, NoiseInput.TIMESTEP,
          paper ? 0.9999 : 0.999, !paper, paper ? 0.2 : 0, paper ? 1.5 : 1, 0, false, sampling, prediction, power);
      default -> throw new IllegalArgumentException(kind.cliName() + " is not a diffusion model");
    };
  }

  /** @return the training noise schedule */
  public NoiseSchedule trainSchedule() {
    return NoiseSchedule.linear(trainSteps, trainBetaStart, trainBetaEnd);
  }

  /** @return the sampling noise schedule */
  public NoiseSchedule sampleSchedule() {
    return NoiseSchedule.linear(sampleSteps, sampleBetaStart, sampleBetaEnd);
  }

  /**
   * The denoiser architecture these options and the shared options describe.
   *
   * @param g the shared options (base width, depth, condition hidden, dropout, channels)
   * @return the configuration of one denoiser (one channel in per-channel mode)
   */
  public DenoiserConfig denoiserConfig(GeneratorOptions g) {
    Conditioning c = g.kind() == ModelKind.SPADE_DIFFUSION ? Conditioning.SPADE : Conditioning.CONCAT;
    Integer[] mults = new Integer[g.depth()];
    for (int i = 0; i < mults.length; i++) {
      mults[i] = 1 << Math.min(i, 3);
    }
    return new DenoiserConfig(perChannel ? 1 : g.outputChannels(), g.inputChannels(), c,
        g.baseWidth(), List.of(mults), resBlocks, attentionDownsample, (float) g.dropout(),
        headChannels, Math.max(1, g.conditionHidden()), true);
  }

  /**
   * @param on per-channel mode
   * @return a copy with that mode
   */
  public DiffusionOptions withPerChannel(boolean on) {
    return new DiffusionOptions(resBlocks, attentionDownsample, headChannels, trainSteps, trainBetaStart,
        trainBetaEnd, sampleSteps, sampleBetaStart, sampleBetaEnd, noiseInput, emaDecay, emaWarmup,
        conditionDropout, guidanceScale, eta, on, sampling, prediction, timestepPower);
  }

  /**
   * @param p condition dropout probability
   * @param scale guidance scale
   * @return a copy with classifier-free guidance settings
   */
  public DiffusionOptions withGuidance(double p, double scale) {
    return new DiffusionOptions(resBlocks, attentionDownsample, headChannels, trainSteps, trainBetaStart,
        trainBetaEnd, sampleSteps, sampleBetaStart, sampleBetaEnd, noiseInput, emaDecay, emaWarmup,
        p, scale, eta, perChannel, sampling, prediction, timestepPower);
  }

  /**
   * @param decay EMA decay
   * @param warmup EMA warm-up
   * @return a copy with other EMA settings
   */
  public DiffusionOptions withEma(double decay, boolean warmup) {
    return new DiffusionOptions(resBlocks, attentionDownsample, headChannels, trainSteps, trainBetaStart,
        trainBetaEnd, sampleSteps, sampleBetaStart, sampleBetaEnd, noiseInput, decay, warmup,
        conditionDropout, guidanceScale, eta, perChannel, sampling, prediction, timestepPower);
  }

  /**
   * @param p what the denoiser outputs
   * @return a copy with that prediction target
   */
  public DiffusionOptions withPrediction(Prediction p) {
    return new DiffusionOptions(resBlocks, attentionDownsample, headChannels, trainSteps, trainBetaStart,
        trainBetaEnd, sampleSteps, sampleBetaStart, sampleBetaEnd, noiseInput, emaDecay, emaWarmup,
        conditionDropout, guidanceScale, eta, perChannel, sampling, p, timestepPower);
  }

  /**
   * @param k the timestep power (1 = uniform, the references)
   * @return a copy drawing training timesteps with it (see {@link #trainStepAt(double)})
   */
  public DiffusionOptions withTimestepPower(double k) {
    return new DiffusionOptions(resBlocks, attentionDownsample, headChannels, trainSteps, trainBetaStart,
        trainBetaEnd, sampleSteps, sampleBetaStart, sampleBetaEnd, noiseInput, emaDecay, emaWarmup,
        conditionDropout, guidanceScale, eta, perChannel, sampling, prediction, k);
  }

  /**
   * @param s the default sampler
   * @return a copy predicting with that sampler
   */
  public DiffusionOptions withSampling(Sampling s) {
    return new DiffusionOptions(resBlocks, attentionDownsample, headChannels, trainSteps, trainBetaStart,
        trainBetaEnd, sampleSteps, sampleBetaStart, sampleBetaEnd, noiseInput, emaDecay, emaWarmup,
        conditionDropout, guidanceScale, eta, perChannel, s, prediction, timestepPower);
  }

  /**
   * Maps a uniform draw to a training timestep: {@code t = min(T - 1, floor(T u^(1 / k)))} with
   * k = {@link #timestepPower()}, so t / T has density k x^(k - 1) on [0, 1): uniform for k = 1 (the
   * references), mass 1 - 2^-k in the noisier half of the schedule otherwise.
   *
   * @param u a uniform draw in [0, 1)
   * @return a 0-based timestep of the training schedule, in [0, trainSteps)
   */
  public int trainStepAt(double u) {
    return (int) Math.min(trainSteps - 1, Math.floor(trainSteps * Math.pow(u, 1.0 / timestepPower)));
  }

  /**
   * The EMA decay used at an update.
   *
   * @param update 1-based update number
   * @return emaDecay, or min(emaDecay, (1 + n) / (10 + n)) with warm-up
   */
  public double emaDecayAt(long update) {
    return emaWarmup ? Math.min(emaDecay, (1.0 + update) / (10.0 + update)) : emaDecay;
  }

  /**
   * Writes these options with keys {@code diffusion.*}.
   *
   * @param p the target
   */
  public void writeTo(Properties p) {
    p.setProperty("diffusion.resBlocks", Integer.toString(resBlocks));
    p.setProperty("diffusion.attentionDownsample",
        attentionDownsample.stream().sorted().map(String::valueOf).collect(Collectors.joining(",")));
    p.setProperty("diffusion.headChannels", Integer.toString(headChannels));
    p.setProperty("diffusion.train", trainSteps + "," + trainBetaStart + "," + trainBetaEnd);
    p.setProperty("diffusion.sample", sampleSteps + "," + sampleBetaStart + "," + sampleBetaEnd);
    p.setProperty("diffusion.noiseInput", noiseInput.name());
    p.setProperty("diffusion.emaDecay", Double.toString(emaDecay));
    p.setProperty("diffusion.emaWarmup", Boolean.toString(emaWarmup));
    p.setProperty("diffusion.conditionDropout", Double.toString(conditionDropout));
    p.setProperty("diffusion.guidanceScale", Double.toString(guidanceScale));
    p.setProperty("diffusion.eta", Double.toString(eta));
    p.setProperty("diffusion.perChannel", Boolean.toString(perChannel));
    p.setProperty("diffusion.sampler", sampling.sampler().name());
    p.setProperty("diffusion.samplerSteps", Integer.toString(sampling.steps()));
    p.setProperty("diffusion.samplerSeed", Long.toString(sampling.seed()));
    p.setProperty("diffusion.prediction", prediction.name());
    p.setProperty("diffusion.timestepPower", Double.toString(timestepPower));
  }

  /**
   * Reads options written by {@link #writeTo(Properties)}.
   *
   * @param p the source
   * @param where the file, for messages
   * @return the options
   * @throws IllegalArgumentException naming the file and key when a value is missing or bad
   */
  public static DiffusionOptions readFrom(Properties p, String where) {
    try {
      String[] train = req(p, "diffusion.train", where).split(",");
      String[] sample = req(p, "diffusion.sample", where).split(",");
      String attn = req(p, "diffusion.attentionDownsample", where);
      Set<Integer> ds = new LinkedHashSet<>();
      if (!attn.isBlank()) {
        Arrays.stream(attn.split(",")).map(String::trim).map(Integer::valueOf).forEach(ds::add);
      }
      return new DiffusionOptions(
          Integer.parseInt(req(p, "diffusion.resBlocks", where)), ds,
          Integer.parseInt(req(p, "diffusion.headChannels", where)),
          Integer.parseInt(train[0]), Double.parseDouble(train[1]), Double.parseDouble(train[2]),
          Integer.parseInt(sample[0]), Double.parseDouble(sample[1]), Double.parseDouble(sample[2]),
          NoiseInput.valueOf(req(p, "diffusion.noiseInput", where)),
          Double.parseDouble(req(p, "diffusion.emaDecay", where)),
          Boolean.parseBoolean(req(p, "diffusion.emaWarmup", where)),
          Double.parseDouble(req(p, "diffusion.conditionDropout", where)),
          Double.parseDouble(req(p, "diffusion.guidanceScale", where)),
          Double.parseDouble(req(p, "diffusion.eta", where)),
          Boolean.parseBoolean(req(p, "diffusion.perChannel", where)),
          new Sampling(Sampling.Sampler.valueOf(req(p, "diffusion.sampler", where)),
              Integer.parseInt(req(p, "diffusion.samplerSteps", where)),
              Long.parseLong(req(p, "diffusion.samplerSeed", where))),
          Prediction.valueOf(p.getProperty("diffusion.prediction", Prediction.EPSILON.name())),
          Double.parseDouble(p.getProperty("diffusion.timestepPower", "1")));
    } catch (RuntimeException e) {
      if (e instanceof IllegalArgumentException && e.getMessage() != null && e.getMessage().contains(where)) {
        throw e;
      }
      throw new IllegalArgumentException("Bad diffusion options in " + where + ": " + e.getMessage(), e);
    }
  }

  private static String req(Properties p, String key, String where) {
    String v = p.getProperty(key);
    if (v == null) {
      throw new IllegalArgumentException(where + " lacks the key '" + key + "'");
    }
    return v;
  }
}
