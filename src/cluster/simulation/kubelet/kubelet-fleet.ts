import type { Node } from '../../objects.js';
import type { Controller, SimulationContext } from '../controller.js';
import { NODES, PODS } from '../types.js';
import { Subscriptions } from '../work-queue.js';
import { PeerNodes } from './image-logs/index.js';
import { Kubelet, podNodeName } from './kubelet.js';
import type { BehaviourSource } from './kubelet-config.js';
import type { NodeRuntime } from './node-runtime.js';

export interface KubeletFleetOptions {
  behaviours?: BehaviourSource;
  /** The machines' static pods, image pulls and network add-on (a compact cluster's); none by default. */
  runtime?: NodeRuntime;
}

/**
 * A kubelet on every node. Which ones run, and how, is read from the cluster as loaded: a node whose Ready
 * condition is True gets a ready kubelet, False a kubelet whose network is not up yet (the talk's NotReady
 * nodes), Unknown none at all (its kubelet is down). Nodes that join later get a kubelet whose network is up, or,
 * with a network add-on, comes up once the add-on's agent runs there. Scenarios stop and start kubelets through
 * this fleet.
 */
export class KubeletFleet implements Controller {
  readonly name = 'kubelets';
  private context: SimulationContext | undefined;
  private readonly kubelets = new Map<string, Kubelet>();
  private readonly subscriptions = new Subscriptions();
  private readonly peers = new PeerNodes();

  constructor(private readonly options: KubeletFleetOptions = {}) {}

  start(context: SimulationContext): void {
    this.context = context;
    this.subscriptions.add(this.peers.follow(context.store));
    // One watch for all kubelets: each pod change goes to the kubelet of its node, as each one's watch filtered by
    // spec.nodeName would have it, without every kubelet looking at every pod.
    this.subscriptions.add(
      context.store.watch(PODS, undefined, (event) => {
        const nodeName = podNodeName(event);
        if (nodeName !== undefined) this.kubelets.get(nodeName)?.podChanged(event);
      }),
    );
    // The machines of a compact cluster's history: each kubelet starts at its instant and registers its Node.
    for (const machine of this.options.runtime?.machines ?? []) {
      const name = machine.registration.metadata.name;
      const boot = (): void => {
        if (!this.kubelets.has(name)) this.startKubelet(name, { ready: this.networkInstalled(name), registration: machine.registration });
      };
      this.subscriptions.add(context.clock.at(machine.bootsAtMs, boot, `machine ${name} boots`));
    }
    for (const stored of context.store.list(NODES).items) {
      const ready = (stored.object as Node).status?.conditions?.find((c) => c.type === 'Ready')?.status;
      if (ready === 'Unknown') continue;
      // A Node that has not posted status yet registered as the cluster was born: as for one that joins.
      this.startKubelet(stored.name, { ready: ready === undefined ? this.networkInstalled(stored.name) : ready !== 'False' });
    }
    this.subscriptions.add(
      context.store.watch(NODES, undefined, (event) => {
        if (event.type === 'ADDED' && !this.kubelets.has(event.object.name))
          this.startKubelet(event.object.name, { ready: this.networkInstalled(event.object.name) });
        if (event.type === 'DELETED') this.stopKubelet(event.object.name);
      }),
    );
  }

  stop(): void {
    this.subscriptions.stopAll();
    for (const name of [...this.kubelets.keys()]) this.stopKubelet(name);
  }

  kubelet(nodeName: string): Kubelet | undefined {
    return this.kubelets.get(nodeName);
  }

  get nodeNames(): string[] {
    return [...this.kubelets.keys()].sort();
  }

  /** Whether a joining node's pod network is up from the start: no add-on to wait for, or one installed outside. */
  private networkInstalled(nodeName: string): boolean {
    const network = this.options.runtime?.network;
    return !network || network.installed(nodeName);
  }

  /**
   * Starts (or restarts) a node's kubelet. With a `registration`, a kubelet whose Node does not exist creates it
   * (a machine booting, `kubeadm join`); without one, the Node must exist.
   */
  startKubelet(nodeName: string, options: { ready?: boolean; registration?: Node } = {}): Kubelet {
    if (!this.context) throw new Error('the kubelet fleet is not started');
    this.stopKubelet(nodeName);
    const kubelet = new Kubelet({
      nodeName,
      ready: options.ready ?? true,
      ...(this.options.behaviours ? { behaviours: this.options.behaviours } : {}),
      ...(this.options.runtime ? { runtime: this.options.runtime } : {}),
      ...(options.registration ? { registration: options.registration } : {}),
      fromFleet: true,
      peers: this.peers,
    });
    this.kubelets.set(nodeName, kubelet);
    kubelet.start(this.context);
    return kubelet;
  }

  /** A node failing: its kubelet stops renewing the Lease and reporting; its containers are left as they were. */
  stopKubelet(nodeName: string): void {
    this.kubelets.get(nodeName)?.stop();
    this.kubelets.delete(nodeName);
  }
}
