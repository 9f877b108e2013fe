package org.brightpaint.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Properties;
import org.brightpaint.config.RunSize;
import org.junit.jupiter.api.Test;

/** Names, presets and option round trips. */
class ModelKindTest {

  @Test
  void parsesCommandLineAndEnumNames() {
    assertEquals(ModelKind.SPADE_DIFFUSION, ModelKind.parse("spade-diffusion"));
    assertEquals(ModelKind.SPADE_DIFFUSION, ModelKind.parse("SPADE_DIFFUSION"));
    assertEquals(ModelKind.PIX2PIX, ModelKind.parse(" Pix2Pix "));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelKind.parse("gan"));
    assertTrue(e.getMessage().contains("'gan'"), e.getMessage());
  }

  @Test
  void presetFollowsRunSize() {
    assertEquals(Preset.CI, Preset.of(RunSize.CI));
    assertEquals(Preset.PAPER, Preset.of(RunSize.FULL));
  }

  @Test
  void paperDefaultsAreTheReferences() {
    GeneratorOptions u = GeneratorOptions.of(ModelKind.UNET, Preset.PAPER);
    assertEquals(32, u.baseWidth());
    assertEquals(6, u.depth());
    assertEquals(512, u.imageSize());
    GeneratorOptions p = GeneratorOptions.of(ModelKind.PIX2PIX, Preset.PAPER);
    assertEquals(64, p.baseWidth());
    assertEquals(8, p.depth());
    assertEquals(128, GeneratorOptions.of(ModelKind.SPADE, Preset.PAPER).conditionHidden());
  }

  @Test
  void optionsRoundTripThroughProperties() {
    GeneratorOptions o = GeneratorOptions.of(ModelKind.SPADE, Preset.CI).forChannel(org.brightpaint.data.Channel.DNA);
    Properties p = new Properties();
    o.writeTo(p);
    assertEquals(o, GeneratorOptions.readFrom(p, "test"));
    p.remove("options.depth");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> GeneratorOptions.readFrom(p, "gen.properties"));
    assertTrue(e.getMessage().contains("gen.properties lacks the key 'options.depth'"), e.getMessage());
  }

  @Test
  void badOptionsAreNamed() {
    GeneratorOptions o = GeneratorOptions.of(ModelKind.UNET, Preset.CI);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> o.withImageSize(0));
    assertTrue(e.getMessage().contains("size 0"), e.getMessage());
    IllegalArgumentException s = assertThrows(IllegalArgumentException.class,
        () -> Generators.create(GeneratorOptions.of(ModelKind.PIX2PIX, Preset.CI).withImageSize(40),
            ai.djl.Device.cpu()));
    assertTrue(s.getMessage().contains("multiple of 64"), s.getMessage());
  }
}
