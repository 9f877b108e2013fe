package org.brightpaint.models;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import java.nio.file.Path;
import java.util.List;
import org.brightpaint.data.Channel;

/**
 * A test double: a "generator" whose prediction is its input, one plane to one stain, with a
 * given normalisation. Predicting a plate whose input plane is a copy of the stain must give the
 * stain back exactly.
 */
final class IdentityGenerator implements Generator {
  private final GeneratorOptions options;
  private final Normalisation normalisation;
  private final NDManager manager = NDManager.newBaseManager(Device.cpu());

  /**
   * @param input the input plane
   * @param output the stain it is said to predict
   * @param normalisation raw range of the stain (for writing counts back)
   * @param tile tile side used by plate prediction
   */
  IdentityGenerator(Channel input, Channel output, Normalisation normalisation, int tile) {
    this.options = new GeneratorOptions(ModelKind.UNET, Preset.CI, tile, 8, 1, 0, 0.0, List.of(input),
        List.of(output));
    this.normalisation = normalisation;
  }

  @Override
  public GeneratorOptions options() {
    return options;
  }

  @Override
  public Normalisation normalisation() {
    return normalisation;
  }

  @Override
  public Device device() {
    return Device.cpu();
  }

  @Override
  public NDManager manager() {
    return manager;
  }

  @Override
  public Block network() {
    throw new UnsupportedOperationException("the identity test double has no network");
  }

  @Override
  public NDArray predict(NDArray brightfield) {
    return brightfield.duplicate();
  }

  @Override
  public int sizeMultiple() {
    return 1;
  }

  @Override
  public void save(Path dir) {
    throw new UnsupportedOperationException("the identity test double is not saved");
  }

  @Override
  public void close() {
    manager.close();
  }
}
