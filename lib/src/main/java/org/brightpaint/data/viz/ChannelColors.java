package org.brightpaint.data.viz;

import java.awt.Color;
import org.brightpaint.data.Channel;

/** The display colour of each channel, following the usual Cell Painting convention. */
public final class ChannelColors {

  private ChannelColors() {}

  /**
   * @param c a channel
   * @return its colour: Mito magenta-red, AGP orange, RNA yellow, ER green, DNA blue, brightfield grey
   */
  public static Color of(Channel c) {
    return switch (c) {
      case MITO -> new Color(255, 40, 120);
      case AGP -> new Color(255, 150, 0);
      case RNA -> new Color(240, 230, 40);
      case ER -> new Color(40, 230, 60);
      case DNA -> new Color(60, 110, 255);
      case HIGH_Z_BF, LOW_Z_BF, BRIGHTFIELD -> new Color(235, 235, 235);
    };
  }

  /**
   * @param c a channel
   * @return its colour as a CSS rgb() string
   */
  public static String css(Channel c) {
    Color k = of(c);
    return "rgb(" + k.getRed() + "," + k.getGreen() + "," + k.getBlue() + ")";
  }
}
