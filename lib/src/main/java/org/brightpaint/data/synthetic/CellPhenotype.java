package org.brightpaint.data.synthetic;

import java.util.EnumMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The drawn phenotype of one synthetic cell.
 *
 * @param values every trait's value
 * @param nucleusCount 1, or 2 for a binucleated cell
 * @param nucleoliCount number of nucleoli, &gt;= 1
 * @param response the cell's response to its compound (0 for DMSO and non-responders)
 */
public record CellPhenotype(Map<Trait, Double> values, int nucleusCount, int nucleoliCount, double response) {

  /** Copies. */
  public CellPhenotype {
    values = Map.copyOf(values);
  }

  /**
   * @param t a trait
   * @return its value
   */
  public double get(Trait t) {
    return values.get(t);
  }

  /**
   * Draws a cell: response r = strength-scaled, line-scaled, with 40% relative cell-to-cell
   * variation and 10% non-responders; then each trait from its line mean, spread and shift.
   *
   * @param line the line model
   * @param compound the well's compound response
   * @param rnd the site's random generator
   * @return the phenotype
   */
  public static CellPhenotype draw(LineModel line, CompoundResponse compound, RandomGenerator rnd) {
    double response = 0;
    if (compound.strength() > 0) {
      response = rnd.nextDouble() < 0.1 ? 0
          : Math.max(0, 1 + 0.4 * rnd.nextGaussian()) * line.sensitivity(compound.perturbation().group());
    }
    Map<Trait, Double> v = new EnumMap<>(Trait.class);
    for (Trait t : Trait.values()) {
      double mean = line.mean().get(t);
      double sd = line.spread().get(t);
      double shift = response * compound.shift().getOrDefault(t, 0.0);
      double z = rnd.nextGaussian();
      double x = switch (t.kind()) {
        case LOG -> mean * Math.exp(sd * z + shift);
        case LOGIT -> {
          double l = Math.log(mean / (1 - mean)) + sd * z + shift;
          yield 1 / (1 + Math.exp(-l));
        }
        case PROBABILITY -> Math.min(1, Math.max(0, mean + shift));
      };
      if (t == Trait.NUCLEUS_ASPECT || t == Trait.CELL_ASPECT) {
        x = Math.max(1.0, x);
      }
      v.put(t, x);
    }
    int nuclei = rnd.nextDouble() < v.get(Trait.MULTINUCLEATION) ? 2 : 1;
    double lambda = v.get(Trait.NUCLEOLI_COUNT);
    int nucleoli = Math.max(1, (int) Math.round(lambda + Math.sqrt(lambda) * 0.5 * rnd.nextGaussian()));
    return new CellPhenotype(v, nuclei, Math.min(nucleoli, 8), response);
  }
}
