package org.brightpaint.cli;

import java.nio.file.Path;
import java.util.List;
import org.brightpaint.data.Channel;
import org.brightpaint.data.ChannelMap;
import org.brightpaint.data.PlateSet;
import picocli.CommandLine.Option;

/**
 * Where {@code train} and {@code predict} read plates: plate folders ({@code --data}) or a
 * CellProfiler LoadData CSV ({@code --load-data}), exactly one of them (picocli reports both or
 * neither as bad usage, exit 2).
 */
final class PlateInput {

  @Option(names = "--data", required = true, description = "A plate folder, or a folder of plate folders "
      + "(Phenix names in Images/)")
  Path data;

  @Option(names = "--load-data", required = true, paramLabel = "CSV", description = "Instead of --data: a CellProfiler "
      + "LoadData CSV (FileName_<Name>, PathName_<Name>, Metadata_Plate/Well/Site, optional FileName_Illum<Name>) "
      + "naming each site's files in any layout (own names, TIFF or PNG)")
  Path loadData;

  /**
   * Opens the plates.
   *
   * @param channelMap the {@code --channel-map} value (Phenix plates only), or null
   * @param needed the channels the command reads: each must have a {@code FileName_} column and
   *     files (LoadData) or a Phenix number (channel map)
   * @return the plates
   * @throws IllegalArgumentException naming the option, column, file or channel that is wrong
   */
  PlateSet open(String channelMap, List<Channel> needed) {
    if (loadData != null) {
      if (channelMap != null) {
        throw new IllegalArgumentException("--channel-map renumbers Phenix plates (--data); a LoadData CSV names its "
            + "channels in its FileName_<Name> columns");
      }
      return PlateSet.fromLoadData(loadData, needed);
    }
    PlateSet plates = PlateSet.open(data);
    if (channelMap != null) {
      ChannelMap map = ChannelMap.parse(channelMap);
      for (Channel c : needed) {
        map.number(c);
      }
      plates = plates.withChannelMap(map);
    }
    return plates;
  }
}
