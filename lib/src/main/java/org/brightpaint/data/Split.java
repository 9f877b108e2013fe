package org.brightpaint.data;

import java.util.Locale;

/** The role of a plate in the benchmark (seed paper, Table 1): training, validation or test. */
public enum Split {
  /** Used to fit the generators. */
  TRAIN,
  /** Used to choose checkpoints and hyper-parameters. */
  VALIDATE,
  /** Held out for the reported figures. */
  TEST;

  /**
   * Parses a split name, case-insensitively ("train", "validate"/"validation"/"val", "test").
   *
   * @param name the name
   * @return the split
   * @throws IllegalArgumentException naming the value when it is not a split
   */
  public static Split parse(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT);
    return switch (n) {
      case "train" -> TRAIN;
      case "validate", "validation", "val" -> VALIDATE;
      case "test" -> TEST;
      default -> throw new IllegalArgumentException("Unknown split '" + name + "': expected train, validate or test");
    };
  }

  /** @return the lower-case name used in manifests ("train", "validate", "test") */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
