package org.gansuite.core.model;

/** The products of a model that needs no preparation: nothing. */
public enum NoPreparation {
  NOTHING
}
