package org.brightpaint.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;
import org.brightpaint.data.Channel;
import org.brightpaint.training.Gradients;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Output shapes, gradients reaching every parameter, and input validation of the three models. */
class GeneratorShapesTest {

  @org.junit.jupiter.api.BeforeAll
  static void oneThread() {
    org.brightpaint.training.EngineThreads.set(1);
  }

  static GeneratorOptions tiny(ModelKind kind) {
    GeneratorOptions o = GeneratorOptions.of(kind, Preset.CI);
    return switch (kind) {
      case UNET -> o.withImageSize(16).withWidth(4, 3);
      default -> o.withImageSize(16).withWidth(4, 4);
    };
  }

  @ParameterizedTest
  @EnumSource(value = ModelKind.class, names = {"UNET", "PIX2PIX", "SPADE"})
  void outputShapeAndRange(ModelKind kind) {
    Engine.getInstance().setRandomSeed(1);
    try (Generator g = Generators.create(tiny(kind), Device.cpu()); NDManager m = NDManager.newBaseManager()) {
      NDArray bf = m.randomUniform(-1, 1, new Shape(2, 3, 16, 16));
      NDArray y = g.predict(bf);
      assertEquals(new Shape(2, 5, 16, 16), y.getShape());
      if (kind != ModelKind.UNET) {
        assertTrue(y.abs().max().getFloat() <= 1f, "tanh output stays in [-1, 1]");
      }
      assertTrue(g.parameterCount() > 0);
    }
  }

  @ParameterizedTest
  @EnumSource(value = ModelKind.class, names = {"UNET", "PIX2PIX", "SPADE"})
  void everyTrainableParameterGetsAGradient(ModelKind kind) {
    Engine.getInstance().setRandomSeed(2);
    try (Generator g = Generators.create(tiny(kind), Device.cpu()); NDManager m = NDManager.newBaseManager()) {
      NDArray bf = m.randomUniform(-1, 1, new Shape(2, 3, 16, 16));
      NDArray target = m.randomUniform(-1, 1, new Shape(2, 5, 16, 16));
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        NDArray y = g.network().forward(new ParameterStore(m, false), new NDList(bf), true).singletonOrThrow();
        gc.backward(y.sub(target).square().mean());
      }
      List<String> without = new ArrayList<>();
      int trainable = 0;
      for (Pair<String, Parameter> p : g.network().getParameters()) {
        if (!p.getValue().requiresGradient()) {
          continue;
        }
        trainable++;
        NDArray grad = Gradients.gradientOrNull(p.getValue());
        if (grad == null || grad.abs().sum().getFloat() == 0f) {
          without.add(p.getKey());
        }
      }
      assertTrue(trainable > 4);
      assertTrue(without.isEmpty(), "parameters without gradient: " + without);
    }
  }

  @ParameterizedTest
  @EnumSource(value = ModelKind.class, names = {"UNET", "PIX2PIX", "SPADE"})
  void wrongChannelCountOrSizeIsNamed(ModelKind kind) {
    try (Generator g = Generators.create(tiny(kind), Device.cpu()); NDManager m = NDManager.newBaseManager()) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> g.predict(m.zeros(new Shape(1, 4, 16, 16))));
      assertTrue(e.getMessage().contains("(1, 4, 16, 16)"), e.getMessage());
      if (kind != ModelKind.UNET) {
        IllegalArgumentException s = assertThrows(IllegalArgumentException.class,
            () -> g.predict(m.zeros(new Shape(1, 3, 20, 20))));
        assertTrue(s.getMessage().contains("multiple of 16"), s.getMessage());
      }
    }
  }

  @org.junit.jupiter.api.Test
  void perChannelModeHasOneOutput() {
    try (Generator g = Generators.create(tiny(ModelKind.UNET).forChannel(Channel.DNA), Device.cpu());
        NDManager m = NDManager.newBaseManager()) {
      assertEquals(new Shape(1, 1, 16, 16), g.predict(m.zeros(new Shape(1, 3, 16, 16))).getShape());
    }
  }

  @org.junit.jupiter.api.Test
  void unregisteredKindSaysNotAvailable() {
    assertTrue(Generators.isAvailable(ModelKind.PALETTE), "Palette is registered in this build");
    GeneratorFactory palette = Generators.unregister(ModelKind.PALETTE);
    try {
      assertFalse(Generators.isAvailable(ModelKind.PALETTE));
      UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
          () -> Generators.create(GeneratorOptions.of(ModelKind.PALETTE, Preset.CI), Device.cpu()));
      assertTrue(e.getMessage().contains("not available") && e.getMessage().contains("palette"), e.getMessage());
    } finally {
      Generators.register(palette);
    }
  }
}
