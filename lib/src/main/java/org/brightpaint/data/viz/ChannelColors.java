package org.brightpaint.data.viz;

import java.awt.Color;
import org.brightpaint.data.Channel;

/** The display colour of each channel, following the usual Cell Painting convention. */
public final class ChannelColors {

  private ChannelColors() {}

  /**
   * @param c a channel
   * @return its colour: Mito magenta-red, AGP orange, RNA yellow, ER green, DNA blue, brightfield and user-named channels grey
   */
  public static Color of(Channel c) {
    if (c.equals(Channel.MITO)) {
      return new Color(255, 40, 120);
    } else if (c.equals(Channel.AGP)) {
      return new Color(255, 150, 0);
    } else if (c.equals(Channel.RNA)) {
      return new Color(240, 230, 40);
    } else if (c.equals(Channel.ER)) {
      return new Color(40, 230, 60);
    } else if (c.equals(Channel.DNA)) {
      return new Color(60, 110, 255);
    }
    return new Color(235, 235, 235);
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
