package org.brightpaint.config;

import java.util.Locale;

/**
 * How big a run is: the one switch that lets the same notebook run in minutes on 2 CPU cores
 * ({@link #CI}) or at the paper's scale on a GPU ({@link #FULL}).
 *
 * <p>Read in exactly one place, {@link #current()}: the system property {@code brightpaint.size},
 * else the environment variable {@code BRIGHTPAINT_SIZE}, else {@link #CI}. The notebook runner
 * ({@code environment/run-notebooks --size ci|full}) sets the environment variable for the kernel.
 */
public enum RunSize {
  /** Small images, few wells and steps: every notebook finishes in minutes on 2 cores. */
  CI,
  /**
   * The paper's image shapes at CI cost: 1080 x 1080 synthetic plates with a few wells and sites,
   * the paper's preprocessing to 512 px, and the CI preset's tiny networks and few steps, so the
   * 1080 -> 512 -> 1080 path, illumination and profiling of 1080 px images run in minutes.
   */
  PAPER_SIZE,
  /** The paper's recipe: 512 x 512 crops, reference widths, full epochs. Meant for a GPU. */
  FULL;

  /** The system property that selects the size. */
  public static final String PROPERTY = "brightpaint.size";
  /** The environment variable that selects the size when the property is absent. */
  public static final String ENV = "BRIGHTPAINT_SIZE";

  /**
   * The size in force for this JVM.
   *
   * @return the size named by {@value #PROPERTY} or {@value #ENV}, {@link #CI} when neither is set
   * @throws IllegalArgumentException when the setting names no size
   */
  public static RunSize current() {
    String value = System.getProperty(PROPERTY);
    if (value == null || value.isBlank()) {
      value = System.getenv(ENV);
    }
    return value == null || value.isBlank() ? CI : parse(value);
  }

  /**
   * Parses a size name, case-insensitively.
   *
   * @param name "ci", "paper-size" or "full"
   * @return the size
   * @throws IllegalArgumentException naming the value when it is neither
   */
  public static RunSize parse(String name) {
    String n = name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    for (RunSize s : values()) {
      if (s.name().equals(n)) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "Unknown run size '" + name + "': expected one of ci, paper-size, full");
  }

  /** @return the lower-case name used on command lines ("ci", "paper-size", "full") */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** @return true for the sizes that run in minutes on 2 cores (CI and PAPER_SIZE): caps apply */
  public boolean bounded() {
    return this != FULL;
  }
}
