package org.brightpaint.models.diffusion;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;
import org.brightpaint.models.blocks.GroupNorm;

/**
 * The noise-prediction UNet of Palette and SPADE-Diffusion: eps_theta(x_t, s, c) with x_t the
 * noisy fluorescence [B, n, H, W], s the noise level or timestep [B] and c the brightfield
 * condition [B, 3, H, W]; output the predicted noise [B, n, H, W].
 * <pre>
 *   emb   = MLP(sinusoid(s))
 *   h     = conv3x3(x_t (+ c concatenated for Palette))
 *   encoder: per level, resBlocks x ResBlock(+attention), then a ResBlock that halves the size
 *   middle : ResBlock, SelfAttention, ResBlock
 *   decoder: per level, (resBlocks + 1) x ResBlock on [h, skip] (+attention), then a ResBlock that
 *            doubles the size
 *   out   = zero_conv3x3(SiLU(GroupNorm(h)))
 * </pre>
 * With {@link Conditioning#SPADE} the middle and decoder blocks normalise with SPADE-GroupNorm
 * driven by c and the encoder never sees c.
 *
 * <p>References: Saharia et al. 2022 (Palette), Janspiry/Palette-Image-to-Image-Diffusion-Models
 * {@code guided_diffusion_modules/unet.py}; Wang et al. 2022 (SDM),
 * WeilunWang/semantic-diffusion-model {@code unet.py}; Dhariwal and Nichol 2021.
 */
public final class DenoiserUNet extends Layer implements Denoiser {

  private final DenoiserConfig config;
  private final TimestepEmbedding embedding;
  private final Conv inConv;
  private final List<List<Layer>> encoder = new ArrayList<>();
  private final List<Layer> middle = new ArrayList<>();
  private final List<List<Layer>> decoder = new ArrayList<>();
  private final GroupNorm outNorm;
  private final Conv outConv;

  /**
   * Builds the network; weights are drawn from {@code seed} when it is initialised.
   *
   * @param config the architecture
   * @param seed the initialisation seed
   */
  public DenoiserUNet(DenoiserConfig config, long seed) {
    this.config = config;
    SplittableRandom random = new SplittableRandom(seed);
    int inner = config.innerChannels();
    embedding = addChildBlock("embedding", new TimestepEmbedding(inner, random));
    int emb = embedding.outputWidth();
    float drop = config.dropout();
    boolean zero = config.zeroInit();
    int cond = config.condChannels();
    int spadeHidden = config.spadeHidden();
    int decoderCond = config.conditioning() == Conditioning.SPADE ? cond : 0;
    int in = config.noisyChannels() + (config.conditioning() == Conditioning.CONCAT ? cond : 0);
    int ch = inner * config.channelMults().get(0);
    inConv = addChildBlock("inConv", new Conv(in, ch, 3, false, random));
    Deque<Integer> skips = new ArrayDeque<>();
    skips.push(ch);
    int ds = 1;
    int n = 0;
    for (int level = 0; level < config.levels(); level++) {
      int width = inner * config.channelMults().get(level);
      for (int r = 0; r < config.resBlocks(); r++) {
        List<Layer> stage = new ArrayList<>();
        stage.add(addChildBlock("enc" + n + "res", new ResBlock(ch, width, emb, drop,
            ResBlock.Resample.NONE, 0, spadeHidden, zero, random)));
        ch = width;
        if (config.attentionDownsample().contains(ds)) {
          stage.add(addChildBlock("enc" + n + "attn",
              new SelfAttention(ch, config.headChannels(), zero, random)));
        }
        encoder.add(stage);
        skips.push(ch);
        n++;
      }
      if (level < config.levels() - 1) {
        encoder.add(List.of(addChildBlock("enc" + n + "down", new ResBlock(ch, ch, emb, drop,
            ResBlock.Resample.DOWN, 0, spadeHidden, zero, random))));
        skips.push(ch);
        ds *= 2;
        n++;
      }
    }
    middle.add(addChildBlock("mid0", new ResBlock(ch, ch, emb, drop, ResBlock.Resample.NONE,
        decoderCond, spadeHidden, zero, random)));
    middle.add(addChildBlock("midAttn", new SelfAttention(ch, config.headChannels(), zero, random)));
    middle.add(addChildBlock("mid1", new ResBlock(ch, ch, emb, drop, ResBlock.Resample.NONE,
        decoderCond, spadeHidden, zero, random)));
    n = 0;
    for (int level = config.levels() - 1; level >= 0; level--) {
      int width = inner * config.channelMults().get(level);
      for (int r = 0; r <= config.resBlocks(); r++) {
        List<Layer> stage = new ArrayList<>();
        int skip = skips.pop();
        stage.add(addChildBlock("dec" + n + "res", new ResBlock(ch + skip, width, emb, drop,
            ResBlock.Resample.NONE, decoderCond, spadeHidden, zero, random)));
        ch = width;
        if (config.attentionDownsample().contains(ds)) {
          stage.add(addChildBlock("dec" + n + "attn",
              new SelfAttention(ch, config.headChannels(), zero, random)));
        }
        if (level > 0 && r == config.resBlocks()) {
          stage.add(addChildBlock("dec" + n + "up", new ResBlock(ch, ch, emb, drop,
              ResBlock.Resample.UP, decoderCond, spadeHidden, zero, random)));
          ds /= 2;
        }
        decoder.add(stage);
        n++;
      }
    }
    outNorm = addChildBlock("outNorm", groupNorm(ch));
    outConv = addChildBlock("outConv", new Conv(ch, config.noisyChannels(), 3, zero, random));
  }

  /** @return the architecture */
  public DenoiserConfig config() {
    return config;
  }

  /**
   * Predicts the noise.
   *
   * @param noisy x_t, [B, n, H, W], H and W divisible by {@link DenoiserConfig#sideMultiple()}
   * @param level s, [B] (noise level or timestep, as the model was trained)
   * @param cond c, [B, condChannels, H, W] (zeros for the unconditional branch of guidance)
   * @param training whether dropout is active
   * @return eps_theta, [B, n, H, W]
   */
  @Override
  public NDArray predictNoise(NDArray noisy, NDArray level, NDArray cond, boolean training) {
    long h = noisy.getShape().get(2);
    long w = noisy.getShape().get(3);
    int m = config.sideMultiple();
    if (noisy.getShape().get(1) != config.noisyChannels() || h % m != 0 || w % m != 0) {
      throw new IllegalArgumentException("Denoiser expects [B, " + config.noisyChannels()
          + ", H, W] with H, W divisible by " + m + ", got " + noisy.getShape());
    }
    if (cond.getShape().get(1) != config.condChannels() || cond.getShape().get(2) != h
        || cond.getShape().get(3) != w) {
      throw new IllegalArgumentException("Condition must be [B, " + config.condChannels() + ", "
          + h + ", " + w + "], got " + cond.getShape());
    }
    NDArray emb = embedding.apply(level);
    boolean spade = config.conditioning() == Conditioning.SPADE;
    NDArray x = spade ? noisy : cond.concat(noisy, 1);
    NDArray hcur = inConv.apply(x);
    Deque<NDArray> skips = new ArrayDeque<>();
    skips.push(hcur);
    for (List<Layer> stage : encoder) {
      for (Layer l : stage) {
        hcur = run(l, hcur, emb, null, training);
      }
      skips.push(hcur);
    }
    NDArray c = spade ? cond : null;
    for (Layer l : middle) {
      hcur = run(l, hcur, emb, c, training);
    }
    for (List<Layer> stage : decoder) {
      hcur = hcur.concat(skips.pop(), 1);
      for (Layer l : stage) {
        hcur = run(l, hcur, emb, c, training);
      }
    }
    return outConv.apply(Layer.silu(apply(outNorm, hcur)));
  }

  @Override
  public int channels() {
    return config.noisyChannels();
  }

  @Override
  public int sideMultiple() {
    return config.sideMultiple();
  }

  private static NDArray run(Layer l, NDArray x, NDArray emb, NDArray cond, boolean training) {
    if (l instanceof ResBlock r) {
      return r.apply(x, emb, cond, training);
    }
    return ((SelfAttention) l).apply(x);
  }

  /**
   * DJL entry point: inputs (x_t, s, c), output (eps_theta).
   */
  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    return new NDList(predictNoise(inputs.get(0), inputs.get(1), inputs.get(2), training));
  }
}
