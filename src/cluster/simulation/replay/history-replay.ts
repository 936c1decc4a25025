import type { KubeObject } from '../../objects.js';
import type { ResourceKey } from '../../resources/resource-type.js';
import type { Controller, SimulationContext } from '../controller.js';
import { Subscriptions } from '../work-queue.js';
import { plainCopy } from '../../meta/index.js';

/** An object someone created (a user, an installer, the API server itself), and when. */
export interface CreationRecord {
  atMs: number;
  resource: ResourceKey;
  object: KubeObject;
}

/**
 * The cluster's past as the API server saw it arrive: each object created at its instant, from which the
 * controllers, the scheduler and the kubelets make the rest, as they would have. (kwok replays stages the same
 * way: the same rules, applied on a clock that can run ahead.)
 */
export class HistoryReplay implements Controller {
  readonly name = 'history';
  private readonly subscriptions = new Subscriptions();

  constructor(private readonly records: readonly CreationRecord[]) {}

  start(context: SimulationContext): void {
    for (const record of this.records) {
      const create = (): void => {
        const { namespace, name } = record.object.metadata;
        if (!context.store.get(record.resource, namespace, name)) context.store.create(record.resource, plainCopy(record.object));
      };
      this.subscriptions.add(context.clock.at(record.atMs, create, `created ${record.object.kind} ${name(record.object)}`));
    }
  }

  stop(): void {
    this.subscriptions.stopAll();
  }
}

function name(object: KubeObject): string {
  return object.metadata.namespace ? `${object.metadata.namespace}/${object.metadata.name}` : object.metadata.name;
}
