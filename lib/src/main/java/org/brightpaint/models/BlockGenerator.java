package org.brightpaint.models;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Properties;

/**
 * A {@link Generator} whose network maps {@code NDList(bf)} to {@code NDList(fluorescence)} in one
 * forward pass (UNet, Pix2Pix, SPADE). Diffusion kinds extend it and override
 * {@link #predict(NDArray, Sampling)}.
 */
public class BlockGenerator implements Generator {

  private final GeneratorOptions options;
  private final Normalisation normalisation;
  private final Block network;
  private final NDManager manager;
  private final int sizeMultiple;

  /**
   * Wraps and initialises a network on a device.
   *
   * @param options the recipe
   * @param normalisation the normalisation
   * @param network an uninitialised block built from {@code options}
   * @param device where its weights live
   * @param sizeMultiple the factor H and W must be multiples of
   */
  public BlockGenerator(GeneratorOptions options, Normalisation normalisation, Block network, Device device,
      int sizeMultiple) {
    this.options = options;
    this.normalisation = normalisation;
    this.network = network;
    this.sizeMultiple = sizeMultiple;
    this.manager = NDManager.newBaseManager(device);
    network.initialize(manager, DataType.FLOAT32, initShape());
  }

  /**
   * @return the input shapes used to initialise the network: {@code [1, I, S, S]} by default;
   *     subclasses with more inputs override
   */
  protected Shape[] initShape() {
    int s = options.imageSize();
    return new Shape[] {new Shape(1, options.inputChannels(), s, s)};
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
    return manager.getDevice();
  }

  @Override
  public NDManager manager() {
    return manager;
  }

  @Override
  public Block network() {
    return network;
  }

  @Override
  public int sizeMultiple() {
    return sizeMultiple;
  }

  @Override
  public NDArray predict(NDArray brightfield) {
    checkInput(brightfield);
    NDArray x = brightfield.getDevice().equals(device()) ? brightfield : brightfield.toDevice(device(), false);
    NDList out = network.forward(new ParameterStore(manager, false), new NDList(x), false);
    NDArray y = out.singletonOrThrow();
    return y.getDevice().equals(brightfield.getDevice()) ? y : y.toDevice(brightfield.getDevice(), false);
  }

  @Override
  public Stochasticity stochasticity() {
    return network instanceof UnetGenerator && options.dropout() > 0 ? Stochasticity.DROPOUT : Stochasticity.POINT;
  }

  /**
   * Pix2Pix and SPADE: a forward pass in inference mode with dropout on, its masks drawn from
   * {@code sampling.seed()} ({@link UnetSkipBlock#DROPOUT_SEED}); other networks: {@link #predict}.
   */
  @Override
  public NDArray draw(NDArray brightfield, Sampling sampling) {
    if (stochasticity() != Stochasticity.DROPOUT) {
      return predict(brightfield, sampling);
    }
    checkInput(brightfield);
    NDArray x = brightfield.getDevice().equals(device()) ? brightfield : brightfield.toDevice(device(), false);
    ai.djl.util.PairList<String, Object> params = new ai.djl.util.PairList<>();
    params.add(UnetSkipBlock.DROPOUT_SEED, sampling.seed());
    NDList out = network.forward(new ParameterStore(manager, false), new NDList(x), false, params);
    NDArray y = out.singletonOrThrow();
    return y.getDevice().equals(brightfield.getDevice()) ? y : y.toDevice(brightfield.getDevice(), false);
  }

  /**
   * Checks rank, channel count, size and dtype of a brightfield batch.
   *
   * @param bf the batch
   * @throws IllegalArgumentException naming the shape and what was expected
   */
  public void checkInput(NDArray bf) {
    Shape s = bf.getShape();
    if (s.dimension() != 4 || s.get(1) != options.inputChannels()) {
      throw new IllegalArgumentException("Brightfield input must be [B, " + options.inputChannels()
          + ", H, W] (planes " + options.inputs() + "), got " + s);
    }
    if (s.get(2) % sizeMultiple != 0 || s.get(3) % sizeMultiple != 0 || s.get(2) < sizeMultiple) {
      throw new IllegalArgumentException("Brightfield size " + s.get(2) + " x " + s.get(3) + " must be a multiple of "
          + sizeMultiple + " for " + options.kind().cliName() + " at depth " + options.depth()
          + "; predict whole images with TiledPrediction");
    }
    if (bf.getDataType() != DataType.FLOAT32) {
      throw new IllegalArgumentException("Brightfield input must be float32, got " + bf.getDataType());
    }
  }

  /**
   * @return kind-specific properties saved in the header; none by default
   */
  @Override
  public Properties extraProperties() {
    return new Properties();
  }

  @Override
  public void save(Path dir) throws IOException {
    GeneratorFiles.write(dir, options, normalisation, network, extraProperties());
  }

  @Override
  public void close() {
    manager.close();
  }
}
