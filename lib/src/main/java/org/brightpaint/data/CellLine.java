package org.brightpaint.data;

import java.util.Locale;

/** The two cell lines of the benchmark's compound plates (seed paper, Table 1). */
public enum CellLine {
  /** A549 lung adenocarcinoma: small, rounded, clustered epithelial cells. */
  A549,
  /** U2OS osteosarcoma: large, flat, spread cells with long stress fibres. */
  U2OS;

  /**
   * Parses a cell-line name, case-insensitively.
   *
   * @param name "A549" or "U2OS"
   * @return the cell line
   * @throws IllegalArgumentException naming the value when it is neither
   */
  public static CellLine parse(String name) {
    String n = name.trim().toUpperCase(Locale.ROOT);
    for (CellLine c : values()) {
      if (c.name().equals(n)) {
        return c;
      }
    }
    throw new IllegalArgumentException("Unknown cell line '" + name + "': expected A549 or U2OS");
  }

  /** @return the other cell line (the generalisability study trains on one and tests on the other) */
  public CellLine other() {
    return this == A549 ? U2OS : A549;
  }
}
