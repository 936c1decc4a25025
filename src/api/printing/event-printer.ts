import type { KubeObject } from '../../cluster/index.js';
import { NAME_DESCRIPTION, text } from './columns.js';
import { eventFields } from './event-fields.js';
import { translateTimestampSince } from './human-duration.js';
import type { Printer } from './types.js';

/**
 * events (core v1 and events.k8s.io/v1), as k/k pkg/printers/internalversion/printers.go printEvent prints them.
 * There is no Age column: Last Seen and First Seen play its part.
 */

const FIELD_PATH =
  'If referring to a piece of an object instead of an entire object, this string should contain a valid JSON/Go field access statement, such as desiredState.manifest.containers[2]. For example, if the object reference is to a container within a pod, this would take on a value like: "spec.containers{name}" (where "name" refers to the name of the container that triggered the event) or if no container name is specified "spec.containers[2]" (container with index 2 in this pod). This syntax is chosen only to have some well-defined way of referencing a part of an object.';

/** `component, host`, each falling back to the reporting controller/instance of the newer API. */
function formatSource(component: string, host: string): string {
  return host ? `${component}, ${host}` : component;
}

export const eventPrinter: Printer = {
  columns: [
    text('Last Seen', 'The time at which the most recent occurrence of this event was recorded.'),
    text('Type', 'Type of this event (Normal, Warning), new types could be added in the future'),
    text('Reason', "This should be a short, machine understandable string that gives the reason for the transition into the object's current status."),
    text('Object', 'The object that this event is about.'),
    text('Subobject', FIELD_PATH, { priority: 1 }),
    text('Source', 'The component reporting this event. Should be a short machine understandable string.', { priority: 1 }),
    text('Message', 'A human-readable description of the status of this operation.'),
    text('First Seen', 'The time at which the event was first recorded. (Time of server receipt is in TypeMeta.)', { priority: 1 }),
    text('Count', 'The number of times this event has occurred.', { priority: 1 }),
    text('Name', NAME_DESCRIPTION, { priority: 1, format: 'name' }),
  ],
  cells(object: KubeObject, now: number): unknown[] {
    const event = eventFields(object);
    const firstSeen = event.firstTimestamp ? translateTimestampSince(event.firstTimestamp, now) : translateTimestampSince(event.eventTime, now);
    let lastSeen = event.lastTimestamp ? translateTimestampSince(event.lastTimestamp, now) : firstSeen;
    let count = event.count;
    if (event.series) {
      lastSeen = translateTimestampSince(event.series.lastObservedTime, now);
      count = event.series.count;
    } else if (count === 0) {
      // Singleton events of the new API carry no count.
      count = 1;
    }
    const kind = event.involvedKind.toLowerCase();
    const target = event.involvedName ? `${kind}/${event.involvedName}` : kind;
    return [
      lastSeen,
      event.type,
      event.reason,
      target,
      event.fieldPath,
      formatSource(event.sourceComponent || event.reportingController, event.sourceHost || event.reportingInstance),
      event.message.trim(),
      firstSeen,
      count,
      event.name,
    ];
  },
};
