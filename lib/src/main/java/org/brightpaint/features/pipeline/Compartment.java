package org.brightpaint.features.pipeline;

/** The three object sets of the CPJUMP1 and ExampleHuman pipelines, with CellProfiler's names. */
public enum Compartment {
  /** Primary objects. */
  NUCLEI("Nuclei"),
  /** Secondary objects grown from the nuclei. */
  CELLS("Cells"),
  /** Cells minus shrunk nuclei. */
  CYTOPLASM("Cytoplasm");

  private final String cpName;

  Compartment(String cpName) {
    this.cpName = cpName;
  }

  /** @return CellProfiler's object name, also the column prefix and CSV file stem */
  public String cpName() {
    return cpName;
  }
}
