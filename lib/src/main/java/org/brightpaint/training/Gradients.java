package org.brightpaint.training;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;

/**
 * Gradient housekeeping. PyTorch accumulates gradients across backward passes; the loops zero
 * the gradients of a network before each backward that should count for it (the generator's
 * backward through the discriminator leaves gradients on the discriminator, which are dropped).
 */
public final class Gradients {

  private Gradients() {}

  /**
   * Sets every existing gradient of a block's trainable parameters to zero, in place.
   *
   * @param block the network
   */
  public static void zero(Block block) {
    for (Pair<String, Parameter> p : block.getParameters()) {
      NDArray g = gradientOrNull(p.getValue());
      if (g != null) {
        g.subi(g);
        g.close();
      }
    }
  }

  /**
   * Marks every trainable parameter of a block as requiring a gradient (needed after
   * {@code loadParameters}, which creates fresh arrays).
   *
   * @param block the network
   */
  public static void attach(Block block) {
    for (Pair<String, Parameter> p : block.getParameters()) {
      if (p.getValue().requiresGradient() && p.getValue().isInitialized()) {
        p.getValue().getArray().setRequiresGradient(true);
      }
    }
  }

  /**
   * The gradient of a parameter, or null when it has none yet.
   *
   * @param p the parameter
   * @return its gradient view (close it after use) or null
   */
  public static NDArray gradientOrNull(Parameter p) {
    if (!p.requiresGradient() || !p.isInitialized()) {
      return null;
    }
    try {
      return p.getArray().getGradient();
    } catch (IllegalStateException e) {
      return null;
    }
  }
}
