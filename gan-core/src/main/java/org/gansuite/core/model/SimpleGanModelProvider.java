package org.gansuite.core.model;

/** A model with no preparation stage: its graph builds from the spec alone. */
public interface SimpleGanModelProvider extends GanModelProvider<NoPreparation> {

  @Override
  default Preparation<NoPreparation> prepare(ModelSpec spec, PrepareContext ctx) {
    return Preparation.none();
  }

  @Override
  default Preparation<NoPreparation> structureOnly(ModelSpec spec) {
    return Preparation.none();
  }
}
