import { setFlagsFromString } from 'node:v8';

/**
 * Turns V8's allocation-site pretenuring off for the rest of the process, before a server loads its cluster.
 *
 * V8 watches each place in the code that makes objects (an allocation site); when most of one's objects outlive a
 * young-generation collection, it makes that site's objects in the old generation from then on. A server's requests
 * make objects that die young, but a list of 150,000 pods holds its request's objects for the seconds it takes to
 * write, and a few hundred pages of one make the sites they share with every other request look long-lived. After
 * the lists, each GET then filled the old generation with its garbage (11 MiB/s at 2,000 GETs/s, against 1.5 with
 * pretenuring off), every young collection took two to three times as long (8–12 ms against 4) for the old-to-young
 * pointers those objects hold, and full collections came sooner: a GET's p99 of 8–13 ms against 3.3–4.0 (the bench's
 * large size, with its own /metrics read around the GET window). Objects loaded with the cluster are made by
 * JSON.parse and by code that runs once, which pretenuring did not speed up: the 150,000-pod capture and compact file
 * started in the same time either way.
 *
 * Node's docs warn that a V8 flag changed after the start may not take. This one did: set here, before the cluster is
 * loaded, it gave the same window as `node --no-allocation-site-pretenuring` (some 30 young collections of 4 ms), and
 * test/cli/serving-heap.test.ts shows it taking effect in a running process.
 */
export function servingHeap(): void {
  setFlagsFromString(SERVING_HEAP_FLAG);
}

/** The V8 flag `servingHeap` sets. */
export const SERVING_HEAP_FLAG = '--no-allocation-site-pretenuring';
