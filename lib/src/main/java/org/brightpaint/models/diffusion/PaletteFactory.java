package org.brightpaint.models.diffusion;

import org.brightpaint.models.ModelKind;

/** Builds and loads Palette generators (registered through {@link java.util.ServiceLoader}). */
public final class PaletteFactory extends DiffusionFactory {

  /** Creates the factory. */
  public PaletteFactory() {
    super(ModelKind.PALETTE);
  }
}
