package org.brightpaint.models.diffusion;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.Iterator;

/**
 * Exponential moving average of weights, the weights Palette and SDM sample with:
 * e = d e + (1 - d) w for every parameter, in place.
 *
 * <p>Reference: Polyak and Juditsky 1992; Ho et al. 2020 (EMA 0.9999).
 */
public final class Ema {

  private Ema() {}

  /**
   * Updates the average towards the online weights.
   *
   * @param average the EMA network (same architecture as {@code online})
   * @param online the trained network
   * @param decay d in [0, 1]
   * @throws IllegalArgumentException when the two networks' parameters do not line up
   */
  public static void update(Block average, Block online, double decay) {
    Iterator<Pair<String, Parameter>> a = average.getParameters().iterator();
    Iterator<Pair<String, Parameter>> o = online.getParameters().iterator();
    try (NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      while (a.hasNext() && o.hasNext()) {
        Pair<String, Parameter> pa = a.next();
        Pair<String, Parameter> po = o.next();
        NDArray e = pa.getValue().getArray();
        NDArray w = po.getValue().getArray();
        if (!pa.getKey().equals(po.getKey()) || !e.getShape().equals(w.getShape())) {
          throw new IllegalArgumentException("EMA parameter " + pa.getKey() + " " + e.getShape()
              + " does not match " + po.getKey() + " " + w.getShape());
        }
        e.muli(decay).addi(w.mul(1 - decay));
      }
    }
    if (a.hasNext() || o.hasNext()) {
      throw new IllegalArgumentException("EMA and online networks have different parameter counts");
    }
  }
}
