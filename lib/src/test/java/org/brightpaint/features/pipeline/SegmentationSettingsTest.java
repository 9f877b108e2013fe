package org.brightpaint.features.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.brightpaint.features.segment.DeclumpMethod;
import org.brightpaint.features.segment.FillHoles;
import org.brightpaint.features.segment.SecondaryMethod;
import org.brightpaint.features.threshold.ThresholdMethod;
import org.junit.jupiter.api.Test;

class SegmentationSettingsTest {

  @Test
  void everyNamedSettingChangesItsValue() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("nuclei.min-diameter", "12");
    m.put("nuclei.max-diameter", "90");
    m.put("nuclei.discard-outside-range", "no");
    m.put("nuclei.discard-border", "no");
    m.put("nuclei.unclump", "intensity");
    m.put("nuclei.dividing-lines", "none");
    m.put("nuclei.smoothing-filter", "auto");
    m.put("nuclei.maxima-suppression", "14");
    m.put("nuclei.fill-holes", "after-both");
    m.put("nuclei.neck-ratio", "0.8");
    m.put("nuclei.background.block-size", "40");
    m.put("nuclei.background.filter-size", "60");
    m.put("nuclei.threshold.method", "otsu");
    m.put("nuclei.threshold.smoothing-scale", "1.3488");
    m.put("nuclei.threshold.correction", "0.9");
    m.put("nuclei.threshold.lower", "0.001");
    m.put("nuclei.threshold.upper", "0.5");
    m.put("cells.method", "propagation");
    m.put("cells.regularization", "0.1");
    m.put("cells.fill-holes", "no");
    m.put("cells.threshold.method", "otsu");
    m.put("cells.threshold.smoothing-scale", "2");
    m.put("cells.threshold.correction", "0.8");
    m.put("cells.threshold.lower", "0.002");
    m.put("cells.threshold.upper", "0.02");
    assertEquals(SegmentationSettings.NAMES.size() - 1, m.size()); // all but nuclei.background=off
    ProfileSettings s = SegmentationSettings.apply(ProfileSettings.cpjump1(), m);
    var n = s.nuclei();
    assertEquals(12, n.minDiameter());
    assertEquals(90, n.maxDiameter());
    assertTrue(!n.discardOutsideRange() && !n.discardBorder());
    assertEquals(DeclumpMethod.INTENSITY, n.unclump());
    assertEquals(DeclumpMethod.NONE, n.dividingLines());
    assertTrue(Double.isNaN(n.smoothingFilterSize()));
    assertEquals(14, n.maximaSuppression());
    assertEquals(FillHoles.AFTER_BOTH, n.fillHoles());
    assertEquals(0.8, n.neckRatio());
    assertEquals(new ProfileSettings.Background(40, 60), s.nucleiBackground());
    assertEquals(ThresholdMethod.OTSU, n.threshold().method());
    assertEquals(1.3488, n.threshold().smoothingScale());
    assertEquals(0.9, n.threshold().correctionFactor());
    assertEquals(0.001, n.threshold().lowerBound());
    assertEquals(0.5, n.threshold().upperBound());
    var c = s.cells();
    assertEquals(SecondaryMethod.PROPAGATION, c.method());
    assertEquals(0.1, c.regularization());
    assertTrue(!c.fillHoles());
    assertEquals(ThresholdMethod.OTSU, c.threshold().method());
    assertEquals(2, c.threshold().smoothingScale());
    assertEquals(0.8, c.threshold().correctionFactor());
    assertEquals(0.002, c.threshold().lowerBound());
    assertEquals(0.02, c.threshold().upperBound());
    assertEquals(null, SegmentationSettings.apply(s, "nuclei.background", "off").nucleiBackground());
  }

  @Test
  void unknownNamesAndBadValuesAreNamed() {
    ProfileSettings s = ProfileSettings.cpjump1();
    var e = assertThrows(IllegalArgumentException.class, () -> SegmentationSettings.apply(s, "nuclei.diameter", "8"));
    assertTrue(e.getMessage().contains("nuclei.diameter"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> SegmentationSettings.apply(s, "nuclei.threshold.lower", "-1"));
    assertTrue(e.getMessage().contains("'-1'") && e.getMessage().contains("nuclei.threshold.lower"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> SegmentationSettings.apply(s, "nuclei.threshold.upper", "0.001"));
    assertTrue(e.getMessage().contains("bounds"), e.getMessage());
  }
}
