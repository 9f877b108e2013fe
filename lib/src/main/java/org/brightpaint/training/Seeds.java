package org.brightpaint.training;

import ai.djl.engine.Engine;

/**
 * Derives every seed of a run from its master seed, so that the random state at any step is a
 * pure function of (seed, step) and a resumed run draws exactly what an uninterrupted one draws.
 */
public final class Seeds {

  private Seeds() {}

  /**
   * SplitMix64 finaliser of {@code seed} mixed with {@code salt}: well spread, deterministic.
   *
   * @param seed master seed
   * @param salt what the seed is for (step, epoch, ...)
   * @return a derived 64-bit seed
   */
  public static long mix(long seed, long salt) {
    long z = seed + 0x9E3779B97F4A7C15L * (salt + 1);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /**
   * @param seed master seed
   * @param step global step
   * @return the seed of that step's draws (dropout, noise, augmentation)
   */
  public static long forStep(long seed, long step) {
    return mix(seed, 2 * step);
  }

  /**
   * @param seed master seed
   * @param epoch epoch index
   * @return the seed of that epoch's data permutation
   */
  public static long forEpoch(long seed, long epoch) {
    return mix(seed, 2 * epoch + 1);
  }

  /**
   * Seeds the engine (PyTorch's generator) for a step.
   *
   * @param seed master seed
   * @param step global step
   */
  public static void seedEngine(long seed, long step) {
    Engine.getInstance().setRandomSeed((int) (forStep(seed, step) & 0x7fffffff));
  }
}
