package org.brightpaint.eval;

import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The paper's Table 4 next to our measurements: one row per measured model with our training
 * throughput, peak memory, inference time per image and checkpoint sizes, and the paper's
 * numbers ({@link PaperCost#TABLE_4}) for the same model. Models the paper does not list get
 * NaN paper columns.
 */
public final class CostTable {
  private CostTable() {}

  /**
   * @param measured our cost records
   * @return the combined table
   */
  public static Table of(List<MeasuredCost> measured) {
    Table t = Table.create("compute_cost",
        StringColumn.create("model"), StringColumn.create("device"), StringColumn.create("preset"),
        DoubleColumn.create("train_images_per_s"), DoubleColumn.create("peak_memory_mb"),
        DoubleColumn.create("inference_s_per_image"), DoubleColumn.create("checkpoint_mb"), DoubleColumn.create("generator_mb"),
        DoubleColumn.create("paper_train_10_epochs_h"), DoubleColumn.create("paper_gpu_memory_gb"),
        DoubleColumn.create("paper_inference_s_per_image"), DoubleColumn.create("paper_checkpoint_mb"));
    for (MeasuredCost m : measured) {
      PaperCost p = PaperCost.TABLE_4.stream().filter(c -> c.model().equalsIgnoreCase(m.model())).findFirst().orElse(null);
      t.stringColumn("model").append(m.model());
      t.stringColumn("device").append(m.device());
      t.stringColumn("preset").append(m.preset());
      t.doubleColumn("train_images_per_s").append(m.trainImagesPerSecond());
      t.doubleColumn("peak_memory_mb").append(m.peakMemoryMb());
      t.doubleColumn("inference_s_per_image").append(m.inferenceSecondsPerImage());
      t.doubleColumn("checkpoint_mb").append(m.checkpointMb());
      t.doubleColumn("generator_mb").append(m.generatorMb());
      t.doubleColumn("paper_train_10_epochs_h").append(p == null ? Double.NaN : p.trainTime10Epochs().toMinutes() / 60.0);
      t.doubleColumn("paper_gpu_memory_gb").append(p == null ? Double.NaN : p.gpuMemoryGb());
      t.doubleColumn("paper_inference_s_per_image").append(p == null ? Double.NaN : p.inferenceSecondsPerImage());
      t.doubleColumn("paper_checkpoint_mb").append(p == null ? Double.NaN : p.checkpointMb());
    }
    return t;
  }

  /** @return the paper's Table 4 alone */
  public static Table paper() {
    Table t = Table.create("paper_table_4", StringColumn.create("model"), DoubleColumn.create("train_10_epochs_h"),
        DoubleColumn.create("gpu_memory_gb"), DoubleColumn.create("inference_s_per_image"),
        DoubleColumn.create("checkpoint_mb"), DoubleColumn.create("generator_mb"));
    for (PaperCost p : PaperCost.TABLE_4) {
      t.stringColumn("model").append(p.model());
      t.doubleColumn("train_10_epochs_h").append(p.trainTime10Epochs().toMinutes() / 60.0);
      t.doubleColumn("gpu_memory_gb").append(p.gpuMemoryGb());
      t.doubleColumn("inference_s_per_image").append(p.inferenceSecondsPerImage());
      t.doubleColumn("checkpoint_mb").append(p.checkpointMb());
      t.doubleColumn("generator_mb").append(p.generatorMb());
    }
    return t;
  }
}
