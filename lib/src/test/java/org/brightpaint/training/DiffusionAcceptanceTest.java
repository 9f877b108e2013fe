package org.brightpaint.training;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.brightpaint.bench.DiffusionAcceptance;
import org.brightpaint.data.Channel;
import org.brightpaint.models.ModelKind;
import org.brightpaint.models.Preset;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Long check (minutes per model; run with {@code -Dbrightpaint.long=true}): trained at "ci" size
 * on the synthetic plates, each diffusion model predicts the DNA channel of held-out crops better
 * than the mean training image by MSE.
 */
@EnabledIfSystemProperty(named = "brightpaint.long", matches = "true")
class DiffusionAcceptanceTest {

  @ParameterizedTest
  @EnumSource(value = ModelKind.class, names = {"PALETTE", "SPADE_DIFFUSION"})
  void beatsTheMeanTrainingImageOnDna(ModelKind kind) throws Exception {
    MeanImageBaseline.Comparison c = DiffusionAcceptance.check(kind, TrainingOptions.of(kind, Preset.CI));
    assertTrue(c.beats(Channel.DNA), kind + ": " + c.table().print());
  }
}
