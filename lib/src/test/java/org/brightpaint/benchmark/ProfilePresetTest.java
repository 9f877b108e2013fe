package org.brightpaint.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.brightpaint.data.synthetic.SyntheticPlates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark profiles synthetic plates with {@code cpjump1-synthetic} and real ones with {@code cpjump1}. */
class ProfilePresetTest {

  @Test
  void syntheticPlateFoldersGetTheSyntheticPreset(@TempDir Path dir) throws Exception {
    Path real = Files.createDirectories(dir.resolve("real"));
    Path synthetic = Files.createDirectories(dir.resolve("synthetic"));
    Files.writeString(synthetic.resolve(SyntheticPlates.MARKER), "any options");
    assertEquals("cpjump1", Benchmark.profilePreset(real).name());
    assertEquals("cpjump1-synthetic", Benchmark.profilePreset(synthetic).name());
  }
}
