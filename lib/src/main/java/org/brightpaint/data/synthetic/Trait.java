package org.brightpaint.data.synthetic;

/**
 * One phenotype parameter of a synthetic cell: a column of {@code ground_truth/cells.csv}.
 * Each trait has a {@link Kind} that says how cell-to-cell variation and perturbation shifts act
 * on it.
 */
public enum Trait {
  /** Mean nucleus radius, pixels (at 0.598 um/px). */
  NUCLEUS_RADIUS("nucleus_radius_px", Kind.LOG),
  /** Nucleus major/minor axis ratio, &gt;= 1. */
  NUCLEUS_ASPECT("nucleus_aspect", Kind.LOG),
  /** Amplitude of the nucleus outline's 2nd..4th harmonics (0 = ellipse). */
  NUCLEUS_IRREGULARITY("nucleus_irregularity", Kind.LOG),
  /** Probability of a binucleated cell (failed cytokinesis). */
  MULTINUCLEATION("multinucleation_probability", Kind.PROBABILITY),
  /** Mean cell radius, pixels. */
  CELL_RADIUS("cell_radius_px", Kind.LOG),
  /** Cell major/minor axis ratio, &gt;= 1. */
  CELL_ASPECT("cell_aspect", Kind.LOG),
  /** Amplitude of the cell outline's 2nd..5th harmonics (protrusions). */
  CELL_IRREGULARITY("cell_irregularity", Kind.LOG),
  /** Hoechst stain per unit nuclear volume (relative). */
  DNA_INTENSITY("dna_intensity", Kind.LOG),
  /** Chromatin texture contrast (condensed heterochromatin foci), 0..1. */
  CHROMATIN_TEXTURE("chromatin_texture", Kind.LOGIT),
  /** Expected number of nucleoli. */
  NUCLEOLI_COUNT("nucleoli_expected", Kind.LOG),
  /** Nucleolus radius, pixels. */
  NUCLEOLI_SIZE("nucleoli_radius_px", Kind.LOG),
  /** RNA stain in nucleoli (relative). */
  NUCLEOLAR_RNA("nucleolar_rna", Kind.LOG),
  /** Cytoplasmic RNA stain (relative). */
  CYTOPLASMIC_RNA("cytoplasmic_rna", Kind.LOG),
  /** ER stain (relative). */
  ER_INTENSITY("er_intensity", Kind.LOG),
  /** ER extent from the nucleus, as a fraction of the cytoplasm's width. */
  ER_SPREAD("er_spread", Kind.LOG),
  /** Cortical actin and plasma membrane stain (relative). */
  ACTIN_CORTEX("actin_cortex", Kind.LOG),
  /** Stress-fibre stain (relative). */
  STRESS_FIBRES("stress_fibres", Kind.LOG),
  /** Golgi stain (relative). */
  GOLGI_INTENSITY("golgi_intensity", Kind.LOG),
  /** Golgi dispersion (0 = compact ribbon beside the nucleus). */
  GOLGI_DISPERSION("golgi_dispersion", Kind.LOG),
  /** Mitochondrial stain (relative). */
  MITO_INTENSITY("mito_intensity", Kind.LOG),
  /** Mitochondrial fragmentation: 0 tubular network, 1 punctate fragments. */
  MITO_FRAGMENTATION("mito_fragmentation", Kind.LOGIT),
  /** Mitochondrial extent from the nucleus, as a fraction of the cytoplasm's width. */
  MITO_SPREAD("mito_spread", Kind.LOG),
  /** Cell height at its thickest, micrometres. */
  HEIGHT("height_um", Kind.LOG),
  /** Refractive-index excess of the cytoplasm over the medium (n_cell - n_medium). */
  REFRACTIVE_EXCESS("refractive_index_excess", Kind.LOG);

  /** How variation and shifts act on a trait's value v. */
  public enum Kind {
    /** v = mean * exp(spread * z + response * shift). */
    LOG,
    /** logit(v) = logit(mean) + spread * z + response * shift. */
    LOGIT,
    /** v = clamp(mean + response * shift, 0, 1); no cell-to-cell spread. */
    PROBABILITY
  }

  private final String column;
  private final Kind kind;

  Trait(String column, Kind kind) {
    this.column = column;
    this.kind = kind;
  }

  /** @return the cells.csv column name */
  public String column() {
    return column;
  }

  /** @return how the trait varies */
  public Kind kind() {
    return kind;
  }
}
