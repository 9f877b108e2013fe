package org.brightpaint.features.pipeline;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.brightpaint.data.Channel;
import org.brightpaint.data.Plate;
import org.brightpaint.data.Well;
import org.brightpaint.data.synthetic.PlateCamera;
import org.brightpaint.data.synthetic.SiteRenderer;
import org.brightpaint.data.synthetic.SyntheticOptions;
import org.brightpaint.data.synthetic.SyntheticPlates;
import org.brightpaint.features.segment.SegmentationMatch;
import org.brightpaint.image.FloatImage;
import org.brightpaint.image.LabelImage;
import org.junit.jupiter.api.Test;

/**
 * The cpjump1 segmentation on synthetic Phenix-like sites (drawn by {@link SyntheticPlates}, with
 * the plate camera's illumination divided out as CPJUMP1 does) against the generator's ground
 * truth: F1 at IoU 0.5 for nuclei and cells, pooled over sites.
 */
class SyntheticSegmentationTest {

  static Map<String, Double> f1(SyntheticOptions o, List<Plate> plates, List<Well> wells, int fields) {
    return f1(o, plates, wells, fields, ProfileSettings.cpjump1Synthetic());
  }

  static Map<String, Double> f1(SyntheticOptions o, List<Plate> plates, List<Well> wells, int fields, ProfileSettings settings) {
    int[] nuc = new int[3];
    int[] cel = new int[3];
    ProfileSettings s = settings.withFamilies(EnumSet.noneOf(MeasurementFamily.class));
    for (Plate plate : plates) {
      PlateCamera cam = PlateCamera.of(plate.barcode(), o.size(), o.seed());
      for (Well w : wells) {
        for (int f = 1; f <= fields; f++) {
          SiteRenderer.Rendered r = SyntheticPlates.renderSite(plate, w, f, o);
          Map<String, FloatImage> images = new LinkedHashMap<>();
          Map<String, FloatImage> illum = new LinkedHashMap<>();
          for (Channel c : Channel.FLUORESCENT) {
            short[] counts = r.counts().get(c);
            float[] px = new float[counts.length];
            for (int i = 0; i < px.length; i++) {
              px[i] = (counts[i] & 0xffff) / 65535f;
            }
            images.put(c.cpName(), new FloatImage(o.size(), o.size(), px));
            illum.put(c.cpName(), new FloatImage(o.size(), o.size(), cam.illuminationFunction(c)));
          }
          SiteProfile p = SiteProfiler.profile(new SiteImages(1, Map.of(), images), s, illum);
          // CellProfiler discards nuclei touching the border (and their cells) by design: so does the truth here
          LabelImage[] truth = withoutBorderNuclei(r.nuclei(), r.cells());
          SegmentationMatch.Score sn = SegmentationMatch.score(p.labels().get(Compartment.NUCLEI), truth[0], 0.5);
          SegmentationMatch.Score sc = SegmentationMatch.score(p.labels().get(Compartment.CELLS), truth[1], 0.5);
          if (VERBOSE) {
            System.out.println(plate.barcode() + " " + w.name() + " f" + f + " nuclei " + sn + "\n   cells " + sc);
          }
          nuc[0] += sn.predicted();
          nuc[1] += sn.truth();
          nuc[2] += sn.truePositives();
          cel[0] += sc.predicted();
          cel[1] += sc.truth();
          cel[2] += sc.truePositives();
        }
      }
    }
    return Map.of("nuclei", 2.0 * nuc[2] / (nuc[0] + nuc[1]), "cells", 2.0 * cel[2] / (cel[0] + cel[1]));
  }

  static final boolean VERBOSE = Boolean.getBoolean("brightpaint.verbose");

  /** Drops true nuclei touching the image border and the cells of those nuclei. */
  static LabelImage[] withoutBorderNuclei(LabelImage nuclei, LabelImage cells) {
    int w = nuclei.width();
    int h = nuclei.height();
    int[] n = nuclei.labels().clone();
    int[] c = cells.labels().clone();
    boolean[] touch = new boolean[Math.max(nuclei.count(), cells.count()) + 1];
    for (int i = 0; i < n.length; i++) {
      int x = i % w;
      int y = i / w;
      if (n[i] > 0 && (x == 0 || y == 0 || x == w - 1 || y == h - 1)) {
        touch[n[i]] = true;
      }
    }
    for (int i = 0; i < n.length; i++) {
      if (touch[n[i]]) {
        n[i] = 0;
      }
      if (touch[c[i]]) {
        c[i] = 0;
      }
    }
    return new LabelImage[] {new LabelImage(w, h, n, nuclei.count()), new LabelImage(w, h, c, cells.count())};
  }

  @Test
  void nucleiAndCellsMatchGroundTruth() {
    SyntheticOptions o = SyntheticOptions.ci();
    // held out from the sites the preset was tuned on (A549 plates 1-4 wells 1-6, U2OS plates 5-8
    // wells 7-12): A549 plates 1-2 wells 7-12 and U2OS plates 5-6 wells 1-6
    Map<String, Double> a549 = f1(o, o.plates().subList(0, 2), o.wells().subList(6, 12), 1);
    Map<String, Double> u2os = f1(o, o.plates().subList(4, 6), o.wells().subList(0, 6), 1);
    System.out.println("F1 at IoU 0.5 on held-out CI synthetic sites: A549 " + a549 + ", U2OS " + u2os);
    for (Map<String, Double> f1 : List.of(a549, u2os)) {
      assertTrue(f1.get("nuclei") >= 0.9, "nuclei F1 " + f1);
      assertTrue(f1.get("cells") >= 0.9, "cells F1 " + f1);
    }
  }
}
