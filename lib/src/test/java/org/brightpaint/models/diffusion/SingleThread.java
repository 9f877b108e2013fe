package org.brightpaint.models.diffusion;

/**
 * Tests run tiny tensors on a shared 2-core machine, where PyTorch's intra-op thread pool spends
 * more time spinning than computing (measured: a 16 x 16 denoiser step takes ~20 ms with one
 * thread and 0.3-2 s with two under load). Tests call {@link #use()} first.
 */
public final class SingleThread {

  private SingleThread() {}

  /** Sets PyTorch's intra-op thread count to 1 for this JVM. */
  public static void use() {
    ai.djl.engine.Engine.getInstance();
    ai.djl.pytorch.jni.JniUtils.setNumThreads(1);
  }
}
