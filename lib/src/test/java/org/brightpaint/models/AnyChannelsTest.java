package org.brightpaint.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.brightpaint.data.Channel;
import org.brightpaint.models.diffusion.DiffusionGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Issue 15: every generator kind takes any number of input planes and predicts any set of stains. */
class AnyChannelsTest {

  static GeneratorOptions twoToThree(ModelKind kind) {
    return GeneratorShapesTest.tiny(kind).withChannels(Channel.namedList("Phase1,Phase2"),
        Channel.namedList("DAPI,MAP2,NFH"));
  }

  @ParameterizedTest
  @EnumSource(value = ModelKind.class, names = {"UNET", "PIX2PIX", "SPADE"})
  void twoPhasePlanesToThreeStains(ModelKind kind) {
    org.brightpaint.training.EngineThreads.set(1);
    try (Generator g = Generators.create(twoToThree(kind), Device.cpu()); NDManager m = NDManager.newBaseManager()) {
      assertEquals(new Shape(1, 3, 16, 16), g.predict(m.zeros(new Shape(1, 2, 16, 16))).getShape());
      assertEquals(Channel.namedList("DAPI,MAP2,NFH"), g.normalisation().channels());
    }
  }

  @Test
  void diffusionKindsConditionOnTheGivenPlanes() {
    for (ModelKind kind : new ModelKind[] {ModelKind.PALETTE, ModelKind.SPADE_DIFFUSION}) {
      try (Generator g = Generators.create(twoToThree(kind), Device.cpu())) {
        String d = ((DiffusionGenerator) g).describe();
        assertTrue(d.contains("(3 channels)") || d.contains("(3)"), kind + ": " + d);
        assertTrue(kind == ModelKind.SPADE_DIFFUSION || d.contains("brightfield (2)"), kind + ": " + d);
      }
    }
  }
}
