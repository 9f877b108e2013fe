package org.brightpaint.models;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import org.brightpaint.models.blocks.InstanceNorm;
import org.brightpaint.models.blocks.LazyBlock;
import org.brightpaint.models.blocks.Layers;

/**
 * The PatchGAN discriminator (Isola 2017), optionally at several scales (Wang 2018, as in SPADE).
 *
 * <pre>
 * one scale, n_layers 3 (70 x 70 receptive field):
 *   conv4x4/2 ndf, LReLU 0.2                       (no norm)
 *   conv4x4/2 2ndf, norm, LReLU;  conv4x4/2 4ndf, norm, LReLU
 *   conv4x4/1 8ndf, norm, LReLU;  conv4x4/1 1     (logits per patch)
 * scale s sees the input average-pooled s times (3x3, stride 2).
 * </pre>
 * Input {@code NDList(concat(bf, fluorescence) [B, I+C, H, W])}. Output: for each scale, the four
 * intermediate activations followed by the logits, flattened into one NDList of
 * {@code scales * 5} arrays; {@link #split(NDList)} regroups it.
 */
public final class PatchDiscriminator extends LazyBlock {

  /** The discriminator's normalisation. */
  public enum Norm {
    /** BatchNorm (Pix2Pix). */
    BATCH,
    /** Instance norm without affine (SPADE's multiscale discriminator). */
    INSTANCE
  }

  private static final int LAYERS = 3;
  private final int scales;
  private final List<List<Block>> convs = new ArrayList<>();
  private final List<List<Block>> norms = new ArrayList<>();
  private final NDManager manager;

  private PatchDiscriminator(int ndf, int scales, Norm norm, NDManager manager) {
    this.scales = scales;
    this.manager = manager;
    for (int s = 0; s < scales; s++) {
      List<Block> c = new ArrayList<>();
      List<Block> n = new ArrayList<>();
      int width = ndf;
      c.add(addChildBlock("s" + s + "conv0", Layers.conv(width, 4, 2, 1, true)));
      n.add(null);
      for (int i = 1; i <= LAYERS; i++) {
        width = ndf * Math.min(1 << i, 8);
        c.add(addChildBlock("s" + s + "conv" + i, Layers.conv(width, 4, i == LAYERS ? 1 : 2, 1, false)));
        n.add(addChildBlock("s" + s + "norm" + i,
            norm == Norm.BATCH ? BatchNorm.builder().build() : new InstanceNorm(width, false)));
      }
      c.add(addChildBlock("s" + s + "logits", Layers.conv(1, 4, 1, 1, true)));
      n.add(null);
      convs.add(c);
      norms.add(n);
    }
  }

  /**
   * Builds and initialises a discriminator with N(0, 0.02) weights.
   *
   * @param ndf width of the first layer (64 in the reference)
   * @param scales 1 (Pix2Pix) or 2 (SPADE)
   * @param norm the norm
   * @param inputChannels I + C (8 here)
   * @param imageSize crop side used to initialise
   * @param device where its weights live
   * @return the discriminator; close it with {@link #close()}
   */
  public static PatchDiscriminator create(int ndf, int scales, Norm norm, int inputChannels, int imageSize,
      Device device) {
    NDManager m = NDManager.newBaseManager(device);
    PatchDiscriminator d = new PatchDiscriminator(ndf, scales, norm, m);
    d.setInitializer(new NormalInitializer(0.02f), Parameter.Type.WEIGHT);
    d.initialize(m, DataType.FLOAT32, new Shape(1, inputChannels, imageSize, imageSize));
    return d;
  }

  /** @return the manager owning its weights */
  public NDManager manager() {
    return manager;
  }

  /** @return the number of scales */
  public int scales() {
    return scales;
  }

  /**
   * Regroups a forward output per scale.
   *
   * @param out the flattened output
   * @return per scale: intermediate features then logits (last)
   */
  public List<NDList> split(NDList out) {
    int per = out.size() / scales;
    List<NDList> r = new ArrayList<>();
    for (int s = 0; s < scales; s++) {
      r.add(new NDList(out.subList(s * per, (s + 1) * per)));
    }
    return r;
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
      PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();
    NDList out = new NDList();
    for (int s = 0; s < scales; s++) {
      if (s > 0) {
        x = ai.djl.nn.pooling.Pool.avgPool2d(x, new Shape(3, 3), new Shape(2, 2), new Shape(1, 1), false, false);
      }
      NDArray h = x;
      List<Block> c = convs.get(s);
      List<Block> n = norms.get(s);
      for (int i = 0; i < c.size(); i++) {
        h = run(c.get(i), ps, new NDList(h), training).singletonOrThrow();
        if (n.get(i) != null) {
          h = run(n.get(i), ps, new NDList(h), training).singletonOrThrow();
        }
        if (i < c.size() - 1) {
          h = Layers.leakyRelu(h, 0.2f);
        }
        out.add(h);
      }
    }
    return out;
  }

  /** Frees the weights. */
  public void close() {
    manager.close();
  }
}
