package org.brightpaint.models;

import java.util.Locale;
import org.brightpaint.config.RunSize;

/**
 * The two recipes every generator offers: the references' own ({@link #PAPER}) and a shrunken
 * one that trains in minutes on 2 CPU cores ({@link #CI}).
 */
public enum Preset {
  /** Small crops (64 x 64), narrow and shallow networks: minutes on 2 cores. */
  CI,
  /** 512 x 512, the reference widths and depths of shared/specs/generators.md. Meant for a GPU. */
  PAPER;

  /**
   * The preset matching a run size.
   *
   * @param size {@link RunSize#CI} or {@link RunSize#FULL}
   * @return {@link #CI} for CI, {@link #PAPER} for FULL
   */
  public static Preset of(RunSize size) {
    return size == RunSize.FULL ? PAPER : CI;
  }

  /**
   * Parses "ci" or "paper", case-insensitively.
   *
   * @param name the name
   * @return the preset
   * @throws IllegalArgumentException naming the value
   */
  public static Preset parse(String name) {
    String n = name == null ? "" : name.trim().toUpperCase(Locale.ROOT);
    for (Preset p : values()) {
      if (p.name().equals(n)) {
        return p;
      }
    }
    throw new IllegalArgumentException("Unknown preset '" + name + "': expected ci or paper");
  }

  /** @return "ci" or "paper" */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
