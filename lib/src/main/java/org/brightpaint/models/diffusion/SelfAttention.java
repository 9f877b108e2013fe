package org.brightpaint.models.diffusion;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.brightpaint.models.blocks.GroupNorm;

/**
 * Multi-head self-attention over the H x W positions of a feature map, with a residual
 * connection (guided-diffusion's {@code AttentionBlock}, legacy head order):
 * <pre>
 *   [q, k, v] = conv1x1(GroupNorm(x)) split per head into [B*heads, c, HW] each, c = C / heads
 *   w = softmax_s((q / c^(1/4))^T (k / c^(1/4)))                  [B*heads, HW, HW]
 *   y = x + zero_conv1x1(v w^T)
 * </pre>
 * The head count is C / headChannels (32 channels per head in the references), at least 1. Maps
 * with more than {@value #CHUNK} positions (whole 512 x 512 images through a network trained on
 * crops) are attended in blocks of {@value #CHUNK} query positions: the same result with memory
 * linear in HW.
 *
 * <p>Reference: Vaswani et al. 2017, arXiv:1706.03762; Dhariwal and Nichol 2021, arXiv:2105.05233.
 */
final class SelfAttention extends Layer {

  /** Query positions per block above which attention is computed block by block. */
  static final int CHUNK = 1024;

  private final int heads;
  private final GroupNorm norm;
  private final Conv qkv;
  private final Conv proj;

  SelfAttention(int channels, int headChannels, boolean zeroInit, SplittableRandom random) {
    heads = Math.max(1, channels / headChannels);
    if (channels % heads != 0) {
      throw new IllegalArgumentException(channels + " channels do not split into " + heads + " heads");
    }
    norm = addChildBlock("norm", groupNorm(channels));
    qkv = addChildBlock("qkv", new Conv(channels, 3 * channels, 1, false, random));
    proj = addChildBlock("proj", new Conv(channels, channels, 1, zeroInit, random));
  }

  /**
   * @param x [B, C, H, W]
   * @return [B, C, H, W]
   */
  NDArray apply(NDArray x) {
    return apply(x, CHUNK);
  }

  /**
   * @param x [B, C, H, W]
   * @param chunk query positions per block when HW exceeds it
   * @return [B, C, H, W]
   */
  NDArray apply(NDArray x, long chunk) {
    Shape s = x.getShape();
    long b = s.get(0);
    long c = s.get(1);
    long t = s.get(2) * s.get(3);
    long hc = c / heads;
    NDArray all = qkv.apply(apply(norm, x)).reshape(b * heads, 3 * hc, t);
    NDList parts = all.split(3, 1);
    double scale = 1.0 / Math.sqrt(Math.sqrt(hc));
    NDArray q = parts.get(0).mul(scale);
    NDArray k = parts.get(1).mul(scale);
    NDArray v = parts.get(2);
    NDArray qt = q.transpose(0, 2, 1);
    NDArray a;
    if (t <= chunk) {
      a = v.matMul(qt.matMul(k).softmax(2).transpose(0, 2, 1));
    } else {
      // exact attention in blocks of query positions: the softmax runs over keys, so blocks of
      // queries are independent and memory stays O(CHUNK x HW) instead of O(HW^2)
      NDList blocks = new NDList();
      for (long start = 0; start < t; start += chunk) {
        long end = Math.min(t, start + chunk);
        // free each block's [B*heads, CHUNK, HW] temporaries at once (autograd keeps what it needs)
        NDArray qs = qt.get(":, " + start + ":" + end + ", :");
        NDArray logits = qs.matMul(k);
        NDArray w = logits.softmax(2);
        logits.close();
        NDArray wt = w.transpose(0, 2, 1);
        blocks.add(v.matMul(wt));
        wt.close();
        w.close();
        qs.close();
      }
      a = NDArrays.concat(blocks, 2);
    }
    return x.add(proj.apply(a.reshape(s)));
  }

  /** @return the number of heads */
  int heads() {
    return heads;
  }
}
