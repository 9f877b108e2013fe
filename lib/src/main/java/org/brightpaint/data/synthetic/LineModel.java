package org.brightpaint.data.synthetic;

import static org.brightpaint.data.synthetic.Trait.*;

import java.util.EnumMap;
import java.util.Map;
import org.brightpaint.data.CellLine;
import org.brightpaint.data.MoaGroup;

/**
 * The baseline phenotype of a synthetic cell line: the mean and cell-to-cell spread of every
 * {@link Trait}, how densely and how clustered cells grow, the shape of the cell's height
 * profile, and how strongly the line responds to each MoA group.
 *
 * <p>A549-like: small, rounded, tall (about 7 um) cells in clusters, compact perinuclear ER and
 * Golgi, more fragmented mitochondria, few stress fibres. U2OS-like: large, flat (about 3.5 um),
 * elongated and irregular cells spread evenly, long stress fibres, a wide tubular mitochondrial
 * network and ER reaching the periphery.
 *
 * @param line the cell line
 * @param mean the mean of each trait
 * @param spread the cell-to-cell standard deviation of each trait on its {@link Trait.Kind} scale
 * @param density cells per site relative to the options' {@code cellsPerSite}
 * @param clustering fraction of cells that grow in clusters (0 = spread evenly)
 * @param domeExponent height profile h = H (1 - d^2)^e with d the normalised distance from the
 *     centre: large e gives a dome, small e a flat pancake
 * @param sensitivity response multiplier per MoA group
 */
public record LineModel(CellLine line, Map<Trait, Double> mean, Map<Trait, Double> spread, double density,
    double clustering, double domeExponent, Map<MoaGroup, Double> sensitivity) {

  /** Copies and checks every trait is present. */
  public LineModel {
    mean = Map.copyOf(mean);
    spread = Map.copyOf(spread);
    sensitivity = Map.copyOf(sensitivity);
    for (Trait t : Trait.values()) {
      if (!mean.containsKey(t) || !spread.containsKey(t)) {
        throw new IllegalArgumentException("Line model " + line + " lacks trait " + t);
      }
    }
  }

  /**
   * The model of a cell line.
   *
   * @param line the line
   * @return its model
   */
  public static LineModel of(CellLine line) {
    return line == CellLine.A549 ? A549_MODEL : U2OS_MODEL;
  }

  /**
   * @param group a MoA group
   * @return the line's response multiplier for it (1 when unlisted)
   */
  public double sensitivity(MoaGroup group) {
    return sensitivity.getOrDefault(group, 1.0);
  }

  private static final LineModel A549_MODEL = build(CellLine.A549, new double[][] {
    // trait mean, spread
    {8.0, 0.12}, // NUCLEUS_RADIUS
    {1.15, 0.06}, // NUCLEUS_ASPECT
    {0.035, 0.3}, // NUCLEUS_IRREGULARITY
    {0.03, 0}, // MULTINUCLEATION
    {15.5, 0.14}, // CELL_RADIUS
    {1.15, 0.08}, // CELL_ASPECT
    {0.07, 0.3}, // CELL_IRREGULARITY
    {1.0, 0.12}, // DNA_INTENSITY
    {0.45, 0.35}, // CHROMATIN_TEXTURE
    {3.0, 0.25}, // NUCLEOLI_COUNT
    {1.5, 0.15}, // NUCLEOLI_SIZE
    {1.0, 0.2}, // NUCLEOLAR_RNA
    {0.5, 0.2}, // CYTOPLASMIC_RNA
    {0.9, 0.18}, // ER_INTENSITY
    {0.45, 0.15}, // ER_SPREAD
    {1.0, 0.18}, // ACTIN_CORTEX
    {0.15, 0.3}, // STRESS_FIBRES
    {0.9, 0.2}, // GOLGI_INTENSITY
    {0.2, 0.25}, // GOLGI_DISPERSION
    {1.0, 0.15}, // MITO_INTENSITY
    {0.55, 0.4}, // MITO_FRAGMENTATION
    {0.55, 0.15}, // MITO_SPREAD
    {7.0, 0.12}, // HEIGHT
    {0.030, 0.08}, // REFRACTIVE_EXCESS
  }, 1.25, 0.8, 0.7, Map.of(MoaGroup.KINASE, 1.0, MoaGroup.EPIGENETIC, 0.8,
      MoaGroup.GROWTH_FACTOR_RECEPTOR, 0.75, MoaGroup.PROTEASE, 1.0, MoaGroup.LIPID_SIGNALING, 0.9));

  private static final LineModel U2OS_MODEL = build(CellLine.U2OS, new double[][] {
    {10.5, 0.12}, // NUCLEUS_RADIUS
    {1.35, 0.08}, // NUCLEUS_ASPECT
    {0.05, 0.3}, // NUCLEUS_IRREGULARITY
    {0.04, 0}, // MULTINUCLEATION
    {29.0, 0.15}, // CELL_RADIUS
    {1.5, 0.12}, // CELL_ASPECT
    {0.2, 0.25}, // CELL_IRREGULARITY
    {0.85, 0.12}, // DNA_INTENSITY
    {0.3, 0.35}, // CHROMATIN_TEXTURE
    {2.0, 0.25}, // NUCLEOLI_COUNT
    {1.9, 0.15}, // NUCLEOLI_SIZE
    {1.2, 0.2}, // NUCLEOLAR_RNA
    {0.3, 0.2}, // CYTOPLASMIC_RNA
    {1.0, 0.18}, // ER_INTENSITY
    {0.7, 0.15}, // ER_SPREAD
    {0.6, 0.18}, // ACTIN_CORTEX
    {0.8, 0.25}, // STRESS_FIBRES
    {1.0, 0.2}, // GOLGI_INTENSITY
    {0.3, 0.25}, // GOLGI_DISPERSION
    {0.9, 0.15}, // MITO_INTENSITY
    {0.2, 0.4}, // MITO_FRAGMENTATION
    {0.8, 0.12}, // MITO_SPREAD
    {3.5, 0.12}, // HEIGHT
    {0.028, 0.08}, // REFRACTIVE_EXCESS
  }, 0.7, 0.0, 0.35, Map.of(MoaGroup.KINASE, 1.1, MoaGroup.EPIGENETIC, 1.0,
      MoaGroup.GROWTH_FACTOR_RECEPTOR, 1.2, MoaGroup.PROTEASE, 0.85, MoaGroup.LIPID_SIGNALING, 1.0));

  private static LineModel build(CellLine line, double[][] table, double density, double clustering, double dome,
      Map<MoaGroup, Double> sensitivity) {
    Trait[] traits = Trait.values();
    if (table.length != traits.length) {
      throw new IllegalStateException("Line table has " + table.length + " rows for " + traits.length + " traits");
    }
    Map<Trait, Double> mean = new EnumMap<>(Trait.class);
    Map<Trait, Double> spread = new EnumMap<>(Trait.class);
    for (int i = 0; i < traits.length; i++) {
      mean.put(traits[i], table[i][0]);
      spread.put(traits[i], table[i][1]);
    }
    return new LineModel(line, mean, spread, density, clustering, dome, sensitivity);
  }
}
