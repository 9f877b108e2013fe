package org.brightpaint.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.brightpaint.models.blocks.InstanceNorm;
import org.brightpaint.models.blocks.LazyBlock;
import org.brightpaint.models.blocks.Layers;
import org.brightpaint.models.blocks.SpadeNorm;

/**
 * One level of the Pix2Pix U-Net generator ({@code UnetSkipConnectionBlock} of
 * junyanz/pytorch-CycleGAN-and-pix2pix), nested recursively:
 *
 * <pre>
 * down = [LeakyReLU 0.2] conv4x4/2 [norm]        (no LeakyReLU at the outermost, no norm at outer/innermost)
 * up   = ReLU, nearest 2x + conv3x3 [norm] [dropout]   (outermost: conv with bias, then tanh)
 * out  = outermost ? up(sub(down(x))) : concat(x, up(sub(down(x))))
 * </pre>
 * The transposed 4x4 convolution of the reference is replaced by nearest upsampling + 3x3 conv
 * (no transposed convolution on DJL's PyTorch engine). Norm is BatchNorm (Pix2Pix; at inference
 * with each image's own statistics, see {@link #applyNorm}) or SPADE driven by the brightfield
 * image (SPADE variant). Inputs {@code NDList(x, bf)}; {@code bf} is
 * used only by SPADE norms.
 */
final class UnetSkipBlock extends LazyBlock {

  /** Which normalisation the block uses. */
  enum Norm {
    /** BatchNorm with affine parameters (Pix2Pix). */
    BATCH,
    /** SPADE over instance norm, conditioned on the brightfield image. */
    SPADE
  }

  private final boolean outermost;
  private final boolean innermost;
  private final Block downConv;
  private final Block downNorm;
  private final UnetSkipBlock sub;
  private final Block upConv;
  private final Block upNorm;
  private final Block dropout;
  private final float dropoutRate;
  private final int level;

  /**
   * Forward parameter ({@code Long}) that keeps dropout on at inference with masks drawn from this
   * seed: per level a {@link java.util.SplittableRandom} seeded with {@code seed * 0x9E3779B97F4A7C15
   * + level} keeps each activation with probability {@code 1 - rate} and scales kept ones by
   * {@code 1 / (1 - rate)} (inverted dropout, as in training). Same seed, same masks.
   */
  public static final String DROPOUT_SEED = "dropout.seed";

  UnetSkipBlock(int outer, int inner, UnetSkipBlock sub, boolean outermost, boolean innermost, double dropoutRate,
      Norm norm, int hidden, int level) {
    this.dropoutRate = (float) dropoutRate;
    this.level = level;
    this.outermost = outermost;
    this.innermost = innermost;
    this.sub = sub == null ? null : addChildBlock("sub", sub);
    // pix2pix: use_bias only when the norm has no affine shift (InstanceNorm); with a norm after
    // the conv the bias is redundant.
    downConv = addChildBlock("downconv", Layers.conv(inner, 4, 2, 1, outermost || innermost));
    downNorm = outermost || innermost ? null : addChildBlock("downnorm", norm(norm, inner, hidden));
    upConv = addChildBlock("upconv", Layers.conv(outer, 3, 1, 1, outermost));
    upNorm = outermost ? null : addChildBlock("upnorm", norm(norm, outer, hidden));
    dropout = dropoutRate > 0 ? addChildBlock("dropout", Dropout.builder().optRate((float) dropoutRate).build()) : null;
  }

  private static Block norm(Norm norm, int channels, int hidden) {
    // epsilon 1e-5, as InstanceNorm's, which inference uses
    return norm == Norm.BATCH ? BatchNorm.builder().optEpsilon(1e-5f).build() : new SpadeNorm(channels, hidden);
  }

  /**
   * Applies a level's norm. SPADE: the block. BatchNorm: in training, the block (statistics of the
   * training batch, running averages updated); at inference, the statistics of each image itself,
   * {@code gamma * (x - mean_HW) / sqrt(var_HW + 1e-5) + beta} per image and channel, as Isola et
   * al. (2017, section 3.3: "we apply batch normalization using the statistics of the test batch")
   * and pix2pix's {@code test.py} (the model stays in train mode unless {@code --eval}; batch size 1)
   * do. Each image of a batch is normalised on its own, so that a tile's prediction does not depend
   * on the tiles batched with it ({@link TiledPrediction}). The running averages are kept in the
   * weights but unused. With the running averages, the ci Pix2Pix's normalised DNA MSE on the
   * benchmark's 48 test sites was 0.0195-0.0216 over four seeds and thread counts at 800 steps
   * (the mean training image: 0.0214); with each image's statistics, 0.0170-0.0181 (README,
   * "Pix2Pix at inference").
   */
  private NDArray applyNorm(Block n, NDArray x, NDArray bf, ParameterStore ps, boolean training) {
    if (n instanceof SpadeNorm) {
      return run(n, ps, new NDList(x, bf), training).singletonOrThrow();
    }
    if (training || !n.isInitialized()) {
      // the first (initialising) pass only needs the output's shape
      return run(n, ps, new NDList(x), training).singletonOrThrow();
    }
    Shape perChannel = new Shape(1, x.getShape().get(1), 1, 1);
    NDArray gamma = ps.getValue(n.getParameters().get("gamma"), x.getDevice(), false).reshape(perChannel);
    NDArray beta = ps.getValue(n.getParameters().get("beta"), x.getDevice(), false).reshape(perChannel);
    return InstanceNorm.normalise(x).mul(gamma).add(beta);
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
      PairList<String, Object> params) {
    NDArray x = inputs.get(0);
    NDArray bf = inputs.get(1);
    NDArray y = outermost ? x : Layers.leakyRelu(x, 0.2f);
    y = run(downConv, ps, new NDList(y), training).singletonOrThrow();
    if (downNorm != null) {
      y = applyNorm(downNorm, y, bf, ps, training);
    }
    if (sub != null) {
      y = run(sub, ps, new NDList(y, bf), training, params).singletonOrThrow();
    }
    y = Layers.upsample2x(Activation.relu(y));
    y = run(upConv, ps, new NDList(y), training).singletonOrThrow();
    if (outermost) {
      return new NDList(y.tanh());
    }
    y = applyNorm(upNorm, y, bf, ps, training);
    Object seed = params == null || training ? null : params.get(DROPOUT_SEED);
    if (dropout != null && seed instanceof Long s) {
      y = y.mul(y.getManager().create(seededMask(s, (int) y.getShape().size()), y.getShape()));
    } else if (dropout != null) {
      y = run(dropout, ps, new NDList(y), training).singletonOrThrow();
    }
    return new NDList(NDArrays.concat(new NDList(x, y), 1));
  }

  private float[] seededMask(long seed, int n) {
    java.util.SplittableRandom r = new java.util.SplittableRandom(seed * 0x9E3779B97F4A7C15L + level);
    float keep = 1 / (1 - dropoutRate);
    float[] m = new float[n];
    for (int i = 0; i < n; i++) {
      m[i] = r.nextDouble() < dropoutRate ? 0f : keep;
    }
    return m;
  }

  /**
   * Builds the whole generator: {@code depth} levels, widths {@code ngf * min(2^i, 8)}, dropout
   * in the {@code depth - 5} levels just outside the innermost (3 for unet_256's 8 levels).
   *
   * @param options baseWidth = ngf, depth = number of downs, output channels
   * @param norm the norm
   * @return the outermost block, inputs {@code NDList(bf, bf)}
   */
  static UnetSkipBlock generator(GeneratorOptions options, Norm norm) {
    int ngf = options.baseWidth();
    int d = options.depth();
    int hidden = options.conditionHidden();
    if (d < 2) {
      throw new IllegalArgumentException("The Pix2Pix U-Net needs at least 2 levels, got depth " + d);
    }
    UnetSkipBlock block = null;
    // levels from innermost (index d-1) to outermost (index 0); width of level i's inner side
    for (int i = d - 1; i >= 0; i--) {
      int inner = ngf * Math.min(1 << i, 8);
      int outer = i == 0 ? options.outputChannels() : ngf * Math.min(1 << (i - 1), 8);
      boolean innermostLevel = i == d - 1;
      int fromInner = d - 1 - i;
      boolean drop = fromInner >= 1 && fromInner <= Math.min(3, d - 5) && inner == ngf * 8;
      block = new UnetSkipBlock(outer, inner, block, i == 0, innermostLevel, drop ? options.dropout() : 0, norm,
          hidden, i);
    }
    return block;
  }
}
