package org.brightpaint.data.synthetic;

import static org.brightpaint.data.synthetic.Trait.*;

import java.util.Map;
import org.brightpaint.data.MoaGroup;

/**
 * How a MoA group shifts the phenotype at full strength: per trait, a shift on the trait's
 * {@link Trait.Kind} scale (log or logit units; probability units for multinucleation), plus a
 * log-shift of the number of cells per site (toxicity, arrested proliferation).
 *
 * <p>The shifts follow the published Cell Painting phenotypes of each class, simplified:
 * <ul>
 *   <li>Kinase (Aurora, CDC, JAK, EGFR, ...): mitotic failure — larger, irregular, polyploid and
 *       binucleated nuclei, larger cells, fewer cells.
 *   <li>Epigenetic (HDAC, bromodomain): chromatin decondensation — smooth DNA texture, larger
 *       nuclei, less nucleolar and more cytoplasmic RNA.
 *   <li>Growth factor receptor (IGF-1R, MET): loss of spreading — smaller, rounder, taller cells,
 *       fewer stress fibres, stronger cortex, mitochondria pulled in.
 *   <li>Protease (USP): proteotoxic/ER stress — ER expanded and brighter, more RNA, some
 *       mitochondrial fragmentation.
 *   <li>Lipid signalling (phospholipase): Golgi dispersal and membrane changes, strong
 *       mitochondrial fragmentation.
 * </ul>
 *
 * @param group the group
 * @param shift the per-trait shift at strength 1
 * @param cellCountShift log change of cells per site at strength 1
 */
public record MoaEffect(MoaGroup group, Map<Trait, Double> shift, double cellCountShift) {

  /** Copies. */
  public MoaEffect {
    shift = Map.copyOf(shift);
  }

  /**
   * The effect of a group; {@link MoaGroup#CONTROL} and {@link MoaGroup#NONE} have none (NONE
   * compounds get a compound-specific random effect in {@link CompoundResponse}).
   *
   * @param group the group
   * @return its effect
   */
  public static MoaEffect of(MoaGroup group) {
    return switch (group) {
      case KINASE -> new MoaEffect(group, Map.of(NUCLEUS_RADIUS, 0.30, NUCLEUS_IRREGULARITY, 0.9,
          MULTINUCLEATION, 0.40, CELL_RADIUS, 0.15, DNA_INTENSITY, 0.25, CHROMATIN_TEXTURE, 0.3, HEIGHT, 0.1), -0.3);
      case EPIGENETIC -> new MoaEffect(group, Map.of(CHROMATIN_TEXTURE, -1.4, NUCLEUS_RADIUS, 0.15,
          DNA_INTENSITY, -0.2, NUCLEOLAR_RNA, -0.5, CYTOPLASMIC_RNA, 0.4, NUCLEOLI_COUNT, 0.3, ER_INTENSITY, 0.1), -0.1);
      case GROWTH_FACTOR_RECEPTOR -> new MoaEffect(group, Map.of(CELL_RADIUS, -0.30, CELL_IRREGULARITY, -0.6,
          CELL_ASPECT, -0.15, STRESS_FIBRES, -0.8, ACTIN_CORTEX, 0.4, HEIGHT, 0.3, MITO_SPREAD, -0.35,
          MITO_INTENSITY, -0.15), -0.15);
      case PROTEASE -> new MoaEffect(group, Map.of(ER_INTENSITY, 0.55, ER_SPREAD, 0.35, CYTOPLASMIC_RNA, 0.3,
          MITO_FRAGMENTATION, 0.6, GOLGI_INTENSITY, 0.2, NUCLEOLAR_RNA, 0.2), -0.1);
      case LIPID_SIGNALING -> new MoaEffect(group, Map.of(GOLGI_DISPERSION, 1.0, GOLGI_INTENSITY, 0.4,
          ACTIN_CORTEX, 0.35, MITO_FRAGMENTATION, 1.6, MITO_INTENSITY, 0.2, CELL_IRREGULARITY, 0.3), -0.05);
      case CONTROL, NONE -> new MoaEffect(group, Map.of(), 0);
    };
  }
}
