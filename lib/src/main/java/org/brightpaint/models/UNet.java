package org.brightpaint.models;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import org.brightpaint.models.blocks.LazyBlock;
import org.brightpaint.models.blocks.Layers;

/**
 * The CNN baseline: a U-Net (Ronneberger 2015) as configured for label-free Cell Painting by
 * Cross-Zamirski et al. (2022).
 *
 * <pre>
 * level i = 0 .. depth-1, filters f_i = baseWidth * 2^i          (paper: depth 6, 32 .. 1024)
 * encoder: [conv3x3 + ReLU] x 2 at f_i, then 2x2 max-pool (not after the last level)
 * decoder: nearest upsample to the skip's size, concat(skip, up), [conv3x3 + ReLU] x 2 at f_i
 * output:  conv1x1 to C channels, no activation                    trained with MSE, Adam 2e-4
 * </pre>
 * Any input size works (upsampling goes to the skip's exact size), so {@link Generator#sizeMultiple()} is 1.
 *
 * <p>References: O. Ronneberger, P. Fischer, T. Brox, "U-Net", MICCAI 2015; J. Cross-Zamirski
 * et al., "Label-free prediction of Cell Painting from brightfield images", Sci Rep 12, 10001 (2022).
 */
public final class UNet extends LazyBlock {

  private final int depth;
  private final List<Block> encoder = new ArrayList<>();
  private final List<Block> decoder = new ArrayList<>();
  private final Block pool;
  private final Block head;

  /**
   * Builds the network from options.
   *
   * @param options {@code baseWidth}, {@code depth}, {@code outputChannels()} are used
   */
  public UNet(GeneratorOptions options) {
    this.depth = options.depth();
    for (int i = 0; i < depth; i++) {
      encoder.add(addChildBlock("enc" + i, doubleConv(options.baseWidth() << i)));
    }
    for (int i = depth - 2; i >= 0; i--) {
      decoder.add(addChildBlock("dec" + i, doubleConv(options.baseWidth() << i)));
    }
    pool = addChildBlock("pool", Pool.maxPool2dBlock(new ai.djl.ndarray.types.Shape(2, 2),
        new ai.djl.ndarray.types.Shape(2, 2)));
    head = addChildBlock("head", Layers.conv(options.outputChannels(), 1, 1, 0, true));
  }

  private static Block doubleConv(int filters) {
    return new ai.djl.nn.SequentialBlock()
        .add(Layers.conv(filters, 3, 1, 1, true)).add(Activation::relu)
        .add(Layers.conv(filters, 3, 1, 1, true)).add(Activation::relu);
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
      PairList<String, Object> params) {
    NDArray x = inputs.get(0);
    List<NDArray> skips = new ArrayList<>();
    for (int i = 0; i < depth; i++) {
      if (i > 0) {
        x = run(pool, ps, new NDList(x), training).singletonOrThrow();
      }
      x = run(encoder.get(i), ps, new NDList(x), training).singletonOrThrow();
      skips.add(x);
    }
    for (int k = 0; k < depth - 1; k++) {
      NDArray skip = skips.get(depth - 2 - k);
      NDArray up = Layers.resizeNearest(x, skip.getShape().get(2), skip.getShape().get(3));
      x = run(decoder.get(k), ps, new NDList(NDArrays.concat(new NDList(skip, up), 1)), training).singletonOrThrow();
    }
    return run(head, ps, new NDList(x), training);
  }

  /** Builds UNet generators for the registry. */
  public static final class Factory implements GeneratorFactory {
    /** Needed by {@link java.util.ServiceLoader}. */
    public Factory() {}

    @Override
    public ModelKind kind() {
      return ModelKind.UNET;
    }

    @Override
    public Generator create(GeneratorOptions options, Normalisation normalisation, Device device) {
      if (options.kind() != ModelKind.UNET) {
        throw new IllegalArgumentException("UNet factory got options for " + options.kind());
      }
      if (options.imageSize() >> (options.depth() - 1) < 1) {
        throw new IllegalArgumentException("UNet depth " + options.depth() + " is too deep for "
            + options.imageSize() + " px crops");
      }
      UNet net = new UNet(options);
      // He (Kaiming) normal for ReLU networks.
      net.setInitializer(new XavierInitializer(XavierInitializer.RandomType.GAUSSIAN,
          XavierInitializer.FactorType.IN, 2), Parameter.Type.WEIGHT);
      return new BlockGenerator(options, normalisation, net, device, 1);
    }
  }
}
