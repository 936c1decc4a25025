import { setFlagsFromString } from 'node:v8';

/**
 * Turns V8's allocation-site pretenuring off for the rest of the process, before a server loads its cluster.
 *
 * V8 watches each place in the code that makes objects (an allocation site); when most of one's objects outlive a
 * young-generation collection, it makes that site's objects in the old generation from then on. A server's requests
 * make objects that die young, but a list of 150,000 pods holds its request's objects for the seconds it takes to
 * write, and a few hundred pages of one make the sites they share with every other request look long-lived. After
 * the lists, each GET then filled the old generation with its garbage (11 MiB/s at 2,000 GETs/s, against 1.5 with
 * pretenuring off), every young collection took twice as long (8–11 ms against 4) for the old-to-young pointers those
 * objects hold, and full collections came sooner: a GET's p99 of 8–13 ms against 3.7 (the bench's large size,
 * measured with its own /metrics around the GET window). Objects loaded with the cluster are made by JSON.parse and
 * by code that runs once, which pretenuring did not speed up: the 150,000-pod capture and compact file started in
 * the same time either way.
 *
 * The flag is read as V8 works, not only at its start (node's own docs warn that changing flags later may not take:
 * this one is read at each collection and when code is optimized), so setting it here, before the cluster is
 * loaded, acts as `node --no-allocation-site-pretenuring` would.
 */
export function servingHeap(): void {
  setFlagsFromString(SERVING_HEAP_FLAG);
}

/** The V8 flag `servingHeap` sets. */
export const SERVING_HEAP_FLAG = '--no-allocation-site-pretenuring';
