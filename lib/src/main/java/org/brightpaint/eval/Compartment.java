package org.brightpaint.eval;

import java.util.Locale;

/**
 * The object set (or image) a CellProfiler column belongs to: the prefix of {@code Cells_...},
 * {@code Cytoplasm_...}, {@code Nuclei_...}, {@code Image_...}; {@link #NONE} for bookkeeping
 * columns such as {@code ImageNumber}.
 */
public enum Compartment {
  /** Whole cells (secondary objects). */
  CELLS("Cells"),
  /** Cytoplasm (cells minus nuclei, tertiary objects). */
  CYTOPLASM("Cytoplasm"),
  /** Nuclei (primary objects). */
  NUCLEI("Nuclei"),
  /** Per-image measurements. */
  IMAGE("Image"),
  /** No compartment (ImageNumber, ObjectNumber, Metadata_...). */
  NONE("");

  private final String prefix;

  Compartment(String prefix) {
    this.prefix = prefix;
  }

  /** @return the CellProfiler prefix without underscore ("Cells", ...); empty for NONE */
  public String prefix() {
    return prefix;
  }

  /** @return the three object compartments of the paper, in its order: Cells, Cytoplasm, Nuclei */
  public static java.util.List<Compartment> objects() {
    return java.util.List.of(CELLS, CYTOPLASM, NUCLEI);
  }

  /**
   * @param token a column-name token such as "Cells"
   * @return the compartment, or null when the token is no compartment prefix
   */
  static Compartment ofPrefix(String token) {
    for (Compartment c : values()) {
      if (c != NONE && c.prefix.toLowerCase(Locale.ROOT).equals(token.toLowerCase(Locale.ROOT))) {
        return c;
      }
    }
    return null;
  }
}
