package org.gansuite.bench.cli;

import org.gansuite.bench.protocol.Table;
import picocli.CommandLine;

/** {@code --table quick|1|...|6}. */
final class TableConverter implements CommandLine.ITypeConverter<Table> {
  @Override
  public Table convert(String value) {
    try {
      return Table.parse(value);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.TypeConversionException(e.getMessage());
    }
  }
}
