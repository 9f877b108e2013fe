package org.brightpaint.data.synthetic;

import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.brightpaint.data.MoaGroup;
import org.brightpaint.data.Perturbation;

/**
 * The effect of one compound: its group's {@link MoaEffect} times a per-compound strength, plus a
 * small compound-specific deviation so that compounds of one group are alike but not identical.
 * Compounds outside the six-class task ({@link MoaGroup#NONE}) get a random effect of their own,
 * so the task's classes sit among many other phenotypes. DMSO has none.
 *
 * <p>Strength and deviation are drawn from a generator seeded by the broad_sample id and the
 * plate-independent study seed, so a compound acts the same on every plate (replicates agree).
 *
 * @param perturbation the compound
 * @param strength multiplier of the group effect (0 for DMSO)
 * @param shift the resulting per-trait shift at response 1
 * @param cellCountShift log change of cells per site
 */
public record CompoundResponse(Perturbation perturbation, double strength, Map<Trait, Double> shift,
    double cellCountShift) {

  /** Copies. */
  public CompoundResponse {
    shift = Map.copyOf(shift);
  }

  /**
   * The response to a perturbation.
   *
   * @param p the perturbation
   * @param seed the study seed
   * @return the response
   */
  public static CompoundResponse of(Perturbation p, long seed) {
    if (p.isControl()) {
      return new CompoundResponse(p, 0, Map.of(), 0);
    }
    SplittableRandom rnd = new SplittableRandom(Seeds.mix(seed, Seeds.hash(p.broadSample())));
    Map<Trait, Double> shift = new EnumMap<>(Trait.class);
    double strength;
    double count;
    if (p.group().inTask()) {
      MoaEffect e = MoaEffect.of(p.group());
      strength = 0.55 + 0.65 * rnd.nextDouble();
      e.shift().forEach((t, v) -> shift.put(t, strength * v));
      for (Trait t : Trait.values()) {
        if (t.kind() != Trait.Kind.PROBABILITY) {
          shift.merge(t, 0.06 * rnd.nextGaussian(), Double::sum);
        }
      }
      count = strength * e.cellCountShift();
    } else {
      strength = Math.pow(rnd.nextDouble(), 1.5);
      for (Trait t : Trait.values()) {
        if (t.kind() == Trait.Kind.PROBABILITY) {
          shift.put(t, strength * 0.1 * Math.abs(rnd.nextGaussian()));
        } else if (rnd.nextDouble() < 0.35) {
          shift.put(t, strength * 0.35 * rnd.nextGaussian());
        }
      }
      count = -0.15 * strength * rnd.nextDouble();
    }
    return new CompoundResponse(p, strength, shift, count);
  }

  /** Seed mixing used throughout the generator. */
  static final class Seeds {
    private Seeds() {}

    /** SplitMix64 finaliser of a combination of two values. */
    static long mix(long a, long b) {
      long z = a * 0x9E3779B97F4A7C15L + b + 0x632BE59BD9B4E019L;
      z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
      z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
      return z ^ (z >>> 31);
    }

    /** FNV-1a 64-bit hash of a string's UTF-8 bytes (stable across JVMs, unlike String.hashCode). */
    static long hash(String s) {
      long h = 0xcbf29ce484222325L;
      for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
        h ^= b & 0xff;
        h *= 0x100000001b3L;
      }
      return h;
    }
  }
}
