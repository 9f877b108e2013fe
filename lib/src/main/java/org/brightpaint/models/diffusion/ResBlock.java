package org.brightpaint.models.diffusion;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;
import java.util.SplittableRandom;
import org.brightpaint.models.blocks.GroupNorm;

/**
 * The residual block of the diffusion UNets (guided-diffusion's {@code ResBlock} with
 * {@code use_scale_shift_norm}), optionally resampling and optionally SPADE-conditioned:
 * <pre>
 *   h = conv3x3(resample(SiLU(N_in(x))))                          N = GroupNorm or SPADE-GroupNorm
 *   [scale, shift] = Linear(SiLU(emb))                            (2 x out values per sample)
 *   h = zero_conv3x3(dropout(SiLU(N_out(h) * (1 + scale) + shift)))
 *   y = skip(resample(x)) + h                                     skip = identity or conv1x1
 * </pre>
 * Resampling is nearest-neighbour 2x up or 2x2 average-pool down (no transposed convolution).
 */
final class ResBlock extends Layer {

  /** How a block changes the spatial size. */
  enum Resample { NONE, UP, DOWN }

  private final Resample resample;
  private final float dropout;
  private final GroupNorm inNorm;
  private final SpadeGroupNorm inSpade;
  private final Conv inConv;
  private final Dense embLayer;
  private final GroupNorm outNorm;
  private final SpadeGroupNorm outSpade;
  private final Conv outConv;
  private final Conv skip;
  private final int out;

  /**
   * @param in input channels
   * @param out output channels
   * @param embWidth width of the time embedding
   * @param dropout dropout probability before the last conv
   * @param resample up, down or none
   * @param condChannels 0 for plain GroupNorm, else the conditioning map's channels (SPADE)
   * @param spadeHidden hidden width of the SPADE convs
   * @param zeroInit zero-initialise the last conv (reference behaviour)
   * @param random weight initialisation source
   */
  ResBlock(int in, int out, int embWidth, float dropout, Resample resample, int condChannels,
      int spadeHidden, boolean zeroInit, SplittableRandom random) {
    this.resample = resample;
    this.dropout = dropout;
    this.out = out;
    if (condChannels > 0) {
      inSpade = addChildBlock("inNorm", new SpadeGroupNorm(in, condChannels, spadeHidden, random));
      inNorm = null;
    } else {
      inNorm = addChildBlock("inNorm", groupNorm(in));
      inSpade = null;
    }
    inConv = addChildBlock("inConv", new Conv(in, out, 3, false, random));
    embLayer = addChildBlock("emb", new Dense(embWidth, 2 * out, random));
    if (condChannels > 0) {
      outSpade = addChildBlock("outNorm", new SpadeGroupNorm(out, condChannels, spadeHidden, random));
      outNorm = null;
    } else {
      outNorm = addChildBlock("outNorm", groupNorm(out));
      outSpade = null;
    }
    outConv = addChildBlock("outConv", new Conv(out, out, 3, zeroInit, random));
    skip = in == out ? null : addChildBlock("skip", new Conv(in, out, 1, false, random));
  }

  /**
   * @param x [B, in, H, W]
   * @param emb [B, embWidth]
   * @param cond [B, condChannels, H0, W0] or null for a plain block
   * @param training whether dropout is active
   * @return [B, out, H', W'] with H' = 2H (up), H / 2 (down) or H
   */
  NDArray apply(NDArray x, NDArray emb, NDArray cond, boolean training) {
    NDArray h = Layer.silu(inNorm != null ? apply(inNorm, x) : inSpade.apply(x, cond));
    h = inConv.apply(resample(h));
    NDArray e = embLayer.apply(Layer.silu(emb));
    long b = e.getShape().get(0);
    NDArray scale = e.get(":, :" + out).reshape(b, out, 1, 1);
    NDArray shift = e.get(":, " + out + ":").reshape(b, out, 1, 1);
    NDArray n = outNorm != null ? apply(outNorm, h) : outSpade.apply(h, cond);
    h = Layer.silu(n.mul(scale.add(1)).add(shift));
    if (dropout > 0) {
      h = h.getNDArrayInternal().dropout(h, dropout, training).singletonOrThrow();
    }
    h = outConv.apply(h);
    NDArray s = resample(x);
    return (skip == null ? s : skip.apply(s)).add(h);
  }

  private NDArray resample(NDArray x) {
    return switch (resample) {
      case NONE -> x;
      case UP -> upsample(x);
      case DOWN -> Pool.avgPool2d(x, new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), false, true);
    };
  }

  /**
   * Nearest-neighbour 2x upsampling.
   *
   * @param x [B, C, H, W]
   * @return [B, C, 2H, 2W], each value repeated in a 2 x 2 block
   */
  static NDArray upsample(NDArray x) {
    return x.repeat(2, 2).repeat(3, 2);
  }
}
