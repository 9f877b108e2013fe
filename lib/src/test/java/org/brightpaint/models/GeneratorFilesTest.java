package org.brightpaint.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.brightpaint.data.Channel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Save and load: identical predictions, and clear errors for foreign, truncated or missing checkpoints. */
class GeneratorFilesTest {

  @BeforeAll
  static void oneThread() {
    org.brightpaint.training.EngineThreads.set(1);
  }

  @ParameterizedTest
  @EnumSource(value = ModelKind.class, names = {"UNET", "PIX2PIX", "SPADE"})
  void saveThenLoadPredictsIdentically(ModelKind kind, @TempDir Path tmp) throws Exception {
    Engine.getInstance().setRandomSeed(11);
    Normalisation n = new Normalisation(1, 99, Channel.FLUORESCENT, new double[] {1, 2, 3, 4, 5},
        new double[] {10, 20, 30, 40, 50});
    GeneratorOptions o = GeneratorShapesTest.tiny(kind);
    try (Generator g = Generators.create(o, n, Device.cpu()); NDManager m = NDManager.newBaseManager()) {
      NDArray bf = m.randomUniform(-1, 1, new Shape(1, 3, 16, 16));
      float[] before = g.predict(bf).toFloatArray();
      g.save(tmp.resolve("gen"));
      try (Generator back = Generators.load(tmp.resolve("gen"), Device.cpu())) {
        assertEquals(o, back.options());
        assertEquals(n, back.normalisation());
        assertArrayEquals(before, back.predict(bf).toFloatArray(), 0f);
      }
    }
  }

  @Test
  void savingTheSameGeneratorTwiceGivesTheSameBytes(@TempDir Path tmp) throws Exception {
    try (Generator g = Generators.create(GeneratorShapesTest.tiny(ModelKind.UNET), Device.cpu())) {
      g.save(tmp.resolve("a"));
      Thread.sleep(1100); // a date written into the header would now differ by at least a second
      g.save(tmp.resolve("b"));
    }
    for (String f : List.of(GeneratorFiles.HEADER, GeneratorFiles.WEIGHTS)) {
      assertArrayEquals(Files.readAllBytes(tmp.resolve("a").resolve(f)), Files.readAllBytes(tmp.resolve("b").resolve(f)), f);
    }
  }

  @Test
  void anotherModelsCheckpointFailsClearly(@TempDir Path tmp) throws Exception {
    try (Generator g = Generators.create(GeneratorShapesTest.tiny(ModelKind.PIX2PIX), Device.cpu())) {
      g.save(tmp);
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Generators.load(tmp, ModelKind.UNET, Device.cpu()));
    assertTrue(e.getMessage().contains("holds a pix2pix generator, not unet"), e.getMessage());
  }

  @Test
  void truncatedWeightsFailClearly(@TempDir Path tmp) throws Exception {
    try (Generator g = Generators.create(GeneratorShapesTest.tiny(ModelKind.UNET), Device.cpu())) {
      g.save(tmp);
    }
    Path w = tmp.resolve(GeneratorFiles.WEIGHTS);
    byte[] all = Files.readAllBytes(w);
    Files.write(w, java.util.Arrays.copyOf(all, all.length / 2), StandardOpenOption.TRUNCATE_EXISTING);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Generators.load(tmp, Device.cpu()));
    assertTrue(e.getMessage().contains("truncated") && e.getMessage().contains(w.toString()), e.getMessage());
  }

  @Test
  void corruptedWeightsFailClearly(@TempDir Path tmp) throws Exception {
    try (Generator g = Generators.create(GeneratorShapesTest.tiny(ModelKind.UNET), Device.cpu())) {
      g.save(tmp);
    }
    Path w = tmp.resolve(GeneratorFiles.WEIGHTS);
    byte[] all = Files.readAllBytes(w);
    all[all.length - 3] ^= 0x55;
    Files.write(w, all);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Generators.load(tmp, Device.cpu()));
    assertTrue(e.getMessage().contains("CRC-32"), e.getMessage());
  }

  @Test
  void folderWithoutHeaderOrWithOtherVersionFailsClearly(@TempDir Path tmp) throws Exception {
    IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
        () -> Generators.load(tmp, Device.cpu()));
    assertTrue(none.getMessage().contains("Not a brightpaint generator checkpoint"), none.getMessage());
    try (Generator g = Generators.create(GeneratorShapesTest.tiny(ModelKind.UNET), Device.cpu())) {
      g.save(tmp.resolve("g"));
    }
    Path h = tmp.resolve("g").resolve(GeneratorFiles.HEADER);
    Files.writeString(h, Files.readString(h).replace("formatVersion=1", "formatVersion=99"));
    IllegalArgumentException v = assertThrows(IllegalArgumentException.class,
        () -> Generators.load(tmp.resolve("g"), Device.cpu()));
    assertTrue(v.getMessage().contains("format version 99"), v.getMessage());
  }

  @Test
  void saveOverAnExistingFolderReplacesItAtomically(@TempDir Path tmp) throws Exception {
    Path dir = tmp.resolve("g");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("stale.txt"), "old");
    try (Generator g = Generators.create(GeneratorShapesTest.tiny(ModelKind.UNET), Device.cpu())) {
      g.save(dir);
    }
    assertTrue(Files.exists(dir.resolve(GeneratorFiles.HEADER)));
    assertTrue(!Files.exists(dir.resolve("stale.txt")));
    try (var s = Files.list(tmp)) {
      assertEquals(List.of("g"), s.map(p -> p.getFileName().toString()).toList(), "no temporary folders left");
    }
  }

  @Test
  void failedWriteKeepsThePreviousFolder(@TempDir Path tmp) throws Exception {
    Path dir = tmp.resolve("g");
    org.brightpaint.data.io.AtomicFiles.writeFolder(dir, d -> Files.writeString(d.resolve("a.txt"), "good"));
    assertThrows(java.io.IOException.class, () -> org.brightpaint.data.io.AtomicFiles.writeFolder(dir, d -> {
      Files.writeString(d.resolve("a.txt"), "half");
      throw new java.io.IOException("disk full");
    }));
    assertEquals("good", Files.readString(dir.resolve("a.txt")));
    try (var s = Files.list(tmp)) {
      assertEquals(1, s.count(), "the temporary folder was removed");
    }
  }
}
