package org.gansuite.core;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.gansuite.core.data.DataFormatException;
import org.gansuite.core.data.ImageShape;
import org.gansuite.core.model.HyperParameters;
import org.junit.jupiter.api.Test;

/** What a user can get wrong is a UserError naming the option or file; nothing else changes type. */
class UserErrorTest {

  private static final HyperParameters HP = HyperParameters.of(Map.of("lr", 1e-3, "loss", "l2"));

  @Test
  void badHyperParametersAndOptionsAreUserErrors() {
    var unknown = assertThrows(UserError.class, () -> HP.with(Map.of("rl", "1")));
    assertTrue(unknown.getMessage().contains("'rl'") && unknown.getMessage().contains("lr"), unknown.getMessage());
    var malformed = assertThrows(UserError.class, () -> HP.with(Map.of("lr", "fast")));
    assertTrue(malformed.getMessage().contains("lr") && malformed.getMessage().contains("'fast'"), malformed.getMessage());
    var shape = assertThrows(UserError.class, () -> ImageShape.parse("32x32"));
    assertTrue(shape.getMessage().contains("'32x32'"), shape.getMessage());
  }

  @Test
  void aBadFileIsAUserErrorNamingTheFile() {
    var e = new DataFormatException("train.idx", "truncated");
    assertInstanceOf(UserError.class, e);
    assertInstanceOf(IllegalArgumentException.class, e);
    assertTrue(e.getMessage().startsWith("train.idx: "), e.getMessage());
  }

  @Test
  void programmingErrorsStayPlain() {
    var e = assertThrows(IllegalArgumentException.class, () -> HyperParameters.of(Map.of("Bad", 1)));
    assertTrue(!(e instanceof UserError), "a malformed default is the model author's bug");
  }
}
