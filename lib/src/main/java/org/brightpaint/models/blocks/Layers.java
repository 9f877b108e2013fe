package org.brightpaint.models.blocks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;

/** Small factories and functions shared by the networks. */
public final class Layers {

  private Layers() {}

  /**
   * A square 2-D convolution.
   *
   * @param filters output channels
   * @param kernel kernel side
   * @param stride stride
   * @param padding zero padding on each side
   * @param bias whether to add a bias
   * @return the block
   */
  public static Conv2d conv(int filters, int kernel, int stride, int padding, boolean bias) {
    return Conv2d.builder()
        .setFilters(filters)
        .setKernelShape(new Shape(kernel, kernel))
        .optStride(new Shape(stride, stride))
        .optPadding(new Shape(padding, padding))
        .optBias(bias)
        .build();
  }

  /**
   * Nearest-neighbour resize of {@code [B, C, H, W]} to {@code [B, C, h, w]} (PyTorch
   * {@code F.interpolate(mode="nearest")}); differentiable.
   *
   * @param x the tensor
   * @param h target height
   * @param w target width
   * @return the resized tensor, or {@code x} itself when already that size
   */
  public static NDArray resizeNearest(NDArray x, long h, long w) {
    Shape s = x.getShape();
    if (s.get(2) == h && s.get(3) == w) {
      return x;
    }
    return x.getNDArrayInternal().interpolation(new long[] {h, w}, 0, false);
  }

  /**
   * Nearest-neighbour 2x upsampling: each pixel becomes a 2 x 2 block.
   *
   * @param x {@code [B, C, H, W]}
   * @return {@code [B, C, 2H, 2W]}
   */
  public static NDArray upsample2x(NDArray x) {
    return x.repeat(2, 2).repeat(3, 2);
  }

  /**
   * Leaky ReLU {@code max(x, slope * x)}.
   *
   * @param x the tensor
   * @param slope negative slope (0.2 in Pix2Pix)
   * @return the activation
   */
  public static NDArray leakyRelu(NDArray x, float slope) {
    return ai.djl.nn.Activation.leakyRelu(x, slope);
  }
}
