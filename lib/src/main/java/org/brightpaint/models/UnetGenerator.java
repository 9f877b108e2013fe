package org.brightpaint.models;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import org.brightpaint.models.blocks.LazyBlock;

/**
 * The Pix2Pix generator ({@code unet_256}, Isola et al. 2017) and its SPADE variant: a stack of
 * {@code depth} nested {@link UnetSkipBlock}s mapping {@code NDList(bf [B,I,H,W])} to
 * {@code NDList(fluorescence [B,C,H,W])} in [-1, 1] (tanh). H and W must be multiples of
 * {@code 2^depth}.
 *
 * <pre>
 * widths (paper, ngf 64, 8 downs): 64-128-256-512-512-512-512-512, 4x4 stride-2 convs,
 * LeakyReLU 0.2 down, ReLU up, BatchNorm except outermost/innermost, dropout 0.5 in the 3 levels
 * next to the innermost, tanh output; weights N(0, 0.02).
 * SPADE: every norm becomes SPADE(instance norm; hidden 128) driven by the brightfield image.
 * </pre>
 *
 * <p>References: P. Isola, J.-Y. Zhu, T. Zhou, A. A. Efros, "Image-to-Image Translation with
 * Conditional Adversarial Networks", CVPR 2017; T. Park et al., "Semantic Image Synthesis with
 * Spatially-Adaptive Normalization", CVPR 2019.
 */
public final class UnetGenerator extends LazyBlock {

  private final UnetSkipBlock root;

  private UnetGenerator(UnetSkipBlock root) {
    this.root = addChildBlock("unet", root);
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
      PairList<String, Object> params) {
    NDArray bf = inputs.get(0);
    return run(root, ps, new NDList(bf, bf), training, params);
  }

  private static Generator build(GeneratorOptions options, Normalisation normalisation, Device device,
      UnetSkipBlock.Norm norm, ModelKind expected) {
    if (options.kind() != expected) {
      throw new IllegalArgumentException(expected + " factory got options for " + options.kind());
    }
    int multiple = 1 << options.depth();
    if (options.imageSize() % multiple != 0) {
      throw new IllegalArgumentException(expected.cliName() + " with " + options.depth() + " downs needs crops that are a"
          + " multiple of " + multiple + " px, got " + options.imageSize());
    }
    if (norm == UnetSkipBlock.Norm.SPADE && options.conditionHidden() <= 0) {
      throw new IllegalArgumentException("SPADE needs conditionHidden > 0, got " + options.conditionHidden());
    }
    UnetGenerator net = new UnetGenerator(UnetSkipBlock.generator(options, norm));
    net.setInitializer(new NormalInitializer(0.02f), Parameter.Type.WEIGHT);
    return new BlockGenerator(options, normalisation, net, device, multiple);
  }

  /** Builds Pix2Pix generators for the registry. */
  public static final class Pix2PixFactory implements GeneratorFactory {
    /** Needed by {@link java.util.ServiceLoader}. */
    public Pix2PixFactory() {}

    @Override
    public ModelKind kind() {
      return ModelKind.PIX2PIX;
    }

    @Override
    public Generator create(GeneratorOptions options, Normalisation normalisation, Device device) {
      return build(options, normalisation, device, UnetSkipBlock.Norm.BATCH, ModelKind.PIX2PIX);
    }
  }

  /** Builds SPADE generators (Pix2Pix U-Net with SPADE norms) for the registry. */
  public static final class SpadeFactory implements GeneratorFactory {
    /** Needed by {@link java.util.ServiceLoader}. */
    public SpadeFactory() {}

    @Override
    public ModelKind kind() {
      return ModelKind.SPADE;
    }

    @Override
    public Generator create(GeneratorOptions options, Normalisation normalisation, Device device) {
      return build(options, normalisation, device, UnetSkipBlock.Norm.SPADE, ModelKind.SPADE);
    }
  }
}
