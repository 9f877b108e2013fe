package org.brightpaint.eval;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class CostTableTest {

  @Test
  void paperRowsMatchTheSpec() {
    assertEquals(5, PaperCost.TABLE_4.size());
    PaperCost sd = PaperCost.of("SPADE-Diffusion");
    assertEquals(30 * 60 + 17, sd.trainTime10Epochs().toMinutes());
    assertEquals(17.79, sd.gpuMemoryGb());
    assertEquals(240, sd.inferenceSecondsPerImage());
    assertEquals(21.64, PaperCost.of("pix2pix").generatorMb());
    assertThrows(IllegalArgumentException.class, () -> PaperCost.of("gan"));
  }

  @Test
  void combinesMeasuredWithPaper() {
    Table t = CostTable.of(List.of(
        new MeasuredCost("unet", "CPU", "ci", 0.5, 4, 900, 1.5, 10, Double.NaN),
        new MeasuredCost("mystery", "CPU", "ci", 1, 1, 1, 1, 1, 1)));
    assertEquals(8.0, t.doubleColumn("train_images_per_s").get(0), 1e-12);
    assertEquals(0.06, t.doubleColumn("paper_inference_s_per_image").get(0), 1e-12);
    assertEquals(69 + 34 / 60.0, t.doubleColumn("paper_train_10_epochs_h").get(0), 1e-12);
    assertTrue(t.doubleColumn("paper_gpu_memory_gb").isMissing(1), "no paper row: missing");
    assertEquals(5, CostTable.paper().rowCount());
  }
}
