package org.brightpaint.data.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.brightpaint.data.CellLine;
import org.brightpaint.data.MoaGroup;
import org.brightpaint.data.Perturbation;
import org.brightpaint.data.PlateMap;
import org.junit.jupiter.api.Test;

/** The phenotype model makes the six MoA classes separable from single cells, but not trivially. */
class PhenotypeModelTest {

  record Cell(double[] x, MoaGroup group, boolean train) {}

  @Test
  void moaClassesAreClassifiableButNotTrivially() {
    PlateMap map = PlateMap.jumpTarget1();
    SplittableRandom rnd = new SplittableRandom(1);
    for (CellLine line : CellLine.values()) {
      LineModel model = LineModel.of(line);
      List<Cell> cells = new ArrayList<>();
      for (MoaGroup g : MoaGroup.TASK) {
        // alternate compounds (or, for one-compound groups and DMSO, wells) between train and test
        List<Perturbation> ps = map.wells(g).stream().map(map::perturbation).distinct().toList();
        for (int k = 0; k < ps.size(); k++) {
          CompoundResponse r = CompoundResponse.of(ps.get(k), SyntheticOptions.DEFAULT_SEED);
          boolean train = ps.size() == 1 ? true : k % 2 == 0;
          int n = Math.max(20, 240 / ps.size());
          for (int i = 0; i < n; i++) {
            boolean t = ps.size() == 1 ? i % 2 == 0 : train;
            cells.add(new Cell(features(CellPhenotype.draw(model, r, rnd)), g, t));
          }
        }
      }
      double acc = nearestCentroidAccuracy(cells);
      System.out.printf("%s: nearest-centroid held-out accuracy on true phenotypes %.2f%n", line, acc);
      assertTrue(acc > 0.45, line + ": held-out accuracy " + acc + " should be well above chance (1/6)");
      assertTrue(acc < 0.97, line + ": held-out accuracy " + acc + " should not be trivial");
    }
  }

  @Test
  void dmsoHasNoShiftAndEffectsScaleWithStrength() {
    CompoundResponse dmso = CompoundResponse.of(Perturbation.DMSO, 1);
    assertEquals(0, dmso.strength());
    assertTrue(dmso.shift().isEmpty());
    Perturbation kin = PlateMap.jumpTarget1().perturbation(PlateMap.jumpTarget1().wells(MoaGroup.KINASE).getFirst());
    CompoundResponse r = CompoundResponse.of(kin, 1);
    assertTrue(r.strength() >= 0.55 && r.strength() <= 1.2);
    assertEquals(r.strength() * 0.30, r.shift().get(Trait.NUCLEUS_RADIUS), 0.3);
    assertTrue(r.shift().get(Trait.MULTINUCLEATION) > 0);
  }

  static double[] features(CellPhenotype p) {
    Trait[] ts = Trait.values();
    double[] x = new double[ts.length + 1];
    for (int i = 0; i < ts.length; i++) {
      x[i] = Math.log(p.get(ts[i]) + 1e-3);
    }
    x[ts.length] = p.nucleusCount();
    return x;
  }

  static double nearestCentroidAccuracy(List<Cell> cells) {
    int d = cells.getFirst().x().length;
    double[] mean = new double[d];
    double[] sd = new double[d];
    for (Cell c : cells) {
      for (int j = 0; j < d; j++) {
        mean[j] += c.x()[j] / cells.size();
      }
    }
    for (Cell c : cells) {
      for (int j = 0; j < d; j++) {
        sd[j] += Math.pow(c.x()[j] - mean[j], 2) / cells.size();
      }
    }
    List<MoaGroup> groups = MoaGroup.TASK;
    double[][] cent = new double[groups.size()][d];
    int[] cnt = new int[groups.size()];
    for (Cell c : cells) {
      if (c.train()) {
        int g = groups.indexOf(c.group());
        cnt[g]++;
        for (int j = 0; j < d; j++) {
          cent[g][j] += (c.x()[j] - mean[j]) / Math.sqrt(sd[j] + 1e-12);
        }
      }
    }
    for (int g = 0; g < groups.size(); g++) {
      for (int j = 0; j < d; j++) {
        cent[g][j] /= cnt[g];
      }
    }
    int right = 0;
    int total = 0;
    for (Cell c : cells) {
      if (c.train()) {
        continue;
      }
      int best = -1;
      double bd = Double.MAX_VALUE;
      for (int g = 0; g < groups.size(); g++) {
        double s = 0;
        for (int j = 0; j < d; j++) {
          double z = (c.x()[j] - mean[j]) / Math.sqrt(sd[j] + 1e-12) - cent[g][j];
          s += z * z;
        }
        if (s < bd) {
          bd = s;
          best = g;
        }
      }
      total++;
      if (groups.get(best) == c.group()) {
        right++;
      }
    }
    return (double) right / total;
  }
}
