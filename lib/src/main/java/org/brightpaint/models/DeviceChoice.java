package org.brightpaint.models;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.Locale;

/** Where to compute: chosen automatically (CUDA when the engine sees a GPU, else CPU) or forced. */
public enum DeviceChoice {
  /** GPU 0 when {@code Engine.getInstance().getGpuCount() > 0}, else the CPU. */
  AUTO,
  /** The CPU. */
  CPU,
  /** GPU 0; fails when none is present. */
  GPU;

  /**
   * @return the device
   * @throws IllegalStateException for {@link #GPU} when the engine sees no GPU
   */
  public Device device() {
    int gpus = Engine.getInstance().getGpuCount();
    return switch (this) {
      case AUTO -> gpus > 0 ? Device.gpu() : Device.cpu();
      case CPU -> Device.cpu();
      case GPU -> {
        if (gpus == 0) {
          throw new IllegalStateException("A GPU was requested but the PyTorch engine sees none");
        }
        yield Device.gpu();
      }
    };
  }

  /**
   * @param name "auto", "cpu" or "gpu" (case-insensitive)
   * @return the choice
   * @throws IllegalArgumentException naming the value
   */
  public static DeviceChoice parse(String name) {
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("Unknown device '" + name + "': expected auto, cpu or gpu", e);
    }
  }
}
