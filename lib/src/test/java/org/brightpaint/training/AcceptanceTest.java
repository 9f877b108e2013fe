package org.brightpaint.training;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.brightpaint.config.RunSize;
import org.brightpaint.data.Channel;
import org.brightpaint.models.ModelKind;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The acceptance check of issue 4 (minutes per model, so behind {@code -Dbrightpaint.long=true}):
 * trained at "ci" size on the synthetic plates, each model predicts the DNA channel of held-out
 * sites better than the mean training image by MSE.
 */
@EnabledIfSystemProperty(named = "brightpaint.long", matches = "true")
class AcceptanceTest {

  @ParameterizedTest
  @EnumSource(value = ModelKind.class, names = {"UNET", "PIX2PIX", "SPADE"})
  void beatsTheMeanTrainingImageOnDna(ModelKind kind) {
    TrainingRun run = Trainer.train(kind, RunSize.CI);
    MeanImageBaseline.Comparison c = run.baseline();
    System.out.println(run.baselineTable().print());
    assertTrue(c.beats(Channel.DNA), kind + ": model MSE " + c.modelMse()[4] + " vs mean image " + c.baselineMse()[4]);
  }
}
