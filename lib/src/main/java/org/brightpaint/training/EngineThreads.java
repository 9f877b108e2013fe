package org.brightpaint.training;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * The PyTorch engine's intra-op thread count. On a busy 2-core machine one thread per process is
 * often several times faster for small tensors than two competing ones; on an idle machine or a
 * GPU the engine's default is right.
 */
public final class EngineThreads {

  private EngineThreads() {}

  /**
   * Sets the intra-op thread count of the engine (PyTorch {@code torch.set_num_threads}).
   *
   * @param threads threads, &gt; 0
   */
  public static void set(int threads) {
    if (threads <= 0) {
      throw new IllegalArgumentException("Thread count must be > 0, got " + threads);
    }
    Engine.getInstance();
    JniUtils.setNumThreads(threads);
  }

  /** @return the engine's intra-op thread count */
  public static int get() {
    Engine.getInstance();
    return JniUtils.getNumThreads();
  }
}
