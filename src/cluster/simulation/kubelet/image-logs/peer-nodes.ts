import type { Node } from '../../../objects.js';
import type { ClusterStore, StoreEvent } from '../../../store/index.js';
import { NODES } from '../../types.js';
import { type PeerNode, peerNodes } from './log-context.js';

/** What a container's log may say of a node: a change of anything else (a heartbeat) leaves the peers as they were. */
function peerText(node: Node | undefined): string {
  if (!node) return '';
  return JSON.stringify(peerNodes([node])[0]);
}

/**
 * The cluster's nodes as containers starting now see them (log-context.ts), made once per change of what they
 * show, not once per container: a container start would otherwise read every node of a 5,000-node cluster.
 */
export class PeerNodes {
  private peers: readonly PeerNode[] | undefined;
  private store: ClusterStore | undefined;

  follow(store: ClusterStore): () => void {
    this.store = store;
    this.peers = undefined;
    return store.watch(NODES, undefined, (event) => this.changed(event));
  }

  current(): readonly PeerNode[] {
    this.peers ??= peerNodes((this.store?.list(NODES).items ?? []).map((stored) => stored.object as Node));
    return this.peers;
  }

  private changed(event: StoreEvent): void {
    if (!this.peers) return;
    const before = event.previous?.object as Node | undefined;
    const after = event.type === 'DELETED' ? undefined : (event.object.object as Node);
    if (event.type !== 'MODIFIED' || peerText(before) !== peerText(after)) this.peers = undefined;
  }
}
