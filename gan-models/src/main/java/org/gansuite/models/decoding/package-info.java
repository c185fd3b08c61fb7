/**
 * The decoding-constrained GAN ("GANs based on sample-feature decoding constraint", Acta Automatica
 * Sinica, doi 10.16383/j.aas.c190496): a U-Net auto-encoder learns a z-sized feature f(x) of every
 * training image; before each adversarial step a decoding step trains the generator to reproduce x
 * from f(x). Choices the paper leaves open are documented in {@code gan-models/README.md}.
 */
package org.gansuite.models.decoding;
