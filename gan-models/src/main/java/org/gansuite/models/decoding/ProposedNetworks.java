package org.gansuite.models.decoding;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gansuite.core.graph.Init;
import org.gansuite.core.graph.Network;
import org.gansuite.core.model.ModelSpec;
import org.gansuite.core.nets.DcganDiscriminator;
import org.gansuite.core.nets.DcganGenerator;
import org.gansuite.core.nets.Norm;
import org.tensorflow.op.Ops;

/**
 * The networks of the decoding-constrained GAN (doi 10.16383/j.aas.c190496) under their scopes:
 * {@code generator} (also the auto-encoder's decoder), {@code discriminator}, and the extra
 * auto-encoder parameters: {@code projection} (shared trunk) or {@code encoder} (trunk and
 * projection with their own weights). Variable names are equal in the auto-encoder graph and the
 * GAN graph, which is what lets the GAN start from the pre-trained values.
 */
public final class ProposedNetworks {

  /** DCGAN's initialiser, N(0, 0.02^2), for every network. */
  static final Init INIT = Init.NORMAL_002;

  private final Network generatorNet;
  private final DcganGenerator generator;
  private final Network discriminatorNet;
  private final DcganDiscriminator discriminator;
  private final Network extraNet;
  private final UNetAutoEncoder autoEncoder;

  private ProposedNetworks(Network generatorNet, DcganGenerator generator, Network discriminatorNet,
      DcganDiscriminator discriminator, Network extraNet, UNetAutoEncoder autoEncoder) {
    this.generatorNet = generatorNet;
    this.generator = generator;
    this.discriminatorNet = discriminatorNet;
    this.discriminator = discriminator;
    this.extraNet = extraNet;
    this.autoEncoder = autoEncoder;
  }

  /**
   * The GAN's networks: G and the full D, plus the auto-encoder's extra network when
   * {@code withAutoEncoder} (they are carried for parameter accounting and checkpoints; the GAN
   * steps never update them).
   */
  public static ProposedNetworks forGan(Ops tf, ModelSpec spec, AutoEncoderConfig ae, boolean withAutoEncoder) {
    var gNet = new Network(tf, "generator", spec.seed(), INIT);
    var g = new DcganGenerator(gNet, spec.shape(), spec.zDim(), ae.gf());
    var dNet = new Network(tf, "discriminator", spec.seed(), INIT);
    var d = new DcganDiscriminator(dNet, spec.shape(), ae.df(), Norm.BATCH);
    if (!withAutoEncoder) {
      return new ProposedNetworks(gNet, g, dNet, d, null, null);
    }
    return withExtra(tf, spec, ae, gNet, g, dNet, d);
  }

  /**
   * The auto-encoder's networks alone: G, the discriminator's trunk without its logit layer (shared
   * encoder only) and the extra network. Every trainable variable here is trained by the AE loss.
   */
  public static ProposedNetworks forAutoEncoder(Ops tf, ModelSpec spec, AutoEncoderConfig ae) {
    var gNet = new Network(tf, "generator", spec.seed(), INIT);
    var g = new DcganGenerator(gNet, spec.shape(), spec.zDim(), ae.gf());
    Network dNet = null;
    DcganDiscriminator trunk = null;
    if (ae.encoder() == EncoderKind.SHARED) {
      dNet = new Network(tf, "discriminator", spec.seed(), INIT);
      trunk = DcganDiscriminator.trunk(dNet, spec.shape(), ae.df(), Norm.BATCH);
    }
    return withExtra(tf, spec, ae, gNet, g, dNet, trunk);
  }

  private static ProposedNetworks withExtra(Ops tf, ModelSpec spec, AutoEncoderConfig ae, Network gNet,
      DcganGenerator g, Network dNet, DcganDiscriminator d) {
    Network extra;
    DcganDiscriminator trunk;
    if (ae.encoder() == EncoderKind.SHARED) {
      extra = new Network(tf, "projection", spec.seed(), INIT);
      trunk = d;
    } else {
      extra = new Network(tf, "encoder", spec.seed(), INIT);
      trunk = DcganDiscriminator.trunk(extra, spec.shape(), ae.df(), Norm.BATCH);
    }
    var autoEncoder = new UNetAutoEncoder(trunk, extra, spec.zDim(), g, ae.skips());
    return new ProposedNetworks(gNet, g, dNet, d, extra, autoEncoder);
  }

  public Network generatorNet() {
    return generatorNet;
  }

  public DcganGenerator generator() {
    return generator;
  }

  public Network discriminatorNet() {
    if (discriminatorNet == null) {
      throw new IllegalStateException("a separate-encoder auto-encoder graph has no discriminator");
    }
    return discriminatorNet;
  }

  public DcganDiscriminator discriminator() {
    discriminatorNet();
    return discriminator;
  }

  /** The {@code projection} or {@code encoder} network, if this graph has an auto-encoder. */
  public Optional<Network> extraNet() {
    return Optional.ofNullable(extraNet);
  }

  public UNetAutoEncoder autoEncoder() {
    if (autoEncoder == null) {
      throw new IllegalStateException("this graph was built without the auto-encoder");
    }
    return autoEncoder;
  }

  /** Every network, in reporting order: generator, discriminator, then the extra one. */
  public List<Network> all() {
    List<Network> out = new ArrayList<>();
    out.add(generatorNet);
    if (discriminatorNet != null) {
      out.add(discriminatorNet);
    }
    extraNet().ifPresent(out::add);
    return out;
  }
}
