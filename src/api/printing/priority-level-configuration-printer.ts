import type { V1PriorityLevelConfiguration } from '@kubernetes/client-node';
import type { KubeObject, Wire } from '../../cluster/index.js';
import { ageColumn, nameColumn, text } from './columns.js';
import { translateTimestampSince } from './human-duration.js';
import type { Printer } from './types.js';

/**
 * prioritylevelconfigurations.flowcontrol.apiserver.k8s.io, as k/k pkg/printers/internalversion/printers.go
 * printPriorityLevelConfiguration prints them. All columns are declared strings; the four numeric cells are numbers
 * when the level is Limited (and queuing for the last three), `<none>` otherwise.
 */

type PriorityLevelConfiguration = Wire<V1PriorityLevelConfiguration> & KubeObject;

const TYPE =
  '`type` indicates whether this priority level is subject to limitation on request execution.  A value of `"Exempt"` means that requests of this priority level are not subject to a limit (and thus are never queued) and do not detract from the capacity made available to other priority levels.  A value of `"Limited"` means that (a) requests of this priority level _are_ subject to limits and (b) some of the server\'s limited capacity is made available exclusively to this priority level. Required.';
const NOMINAL_CONCURRENCY_SHARES =
  '`nominalConcurrencyShares` (NCS) contributes to the computation of the NominalConcurrencyLimit (NominalCL) of this level. This is the number of execution seats available at this priority level. This is used both for requests dispatched from this priority level as well as requests dispatched from other priority levels borrowing seats from this level. The server\'s concurrency limit (ServerCL) is divided among the Limited priority levels in proportion to their NCS values:\n\nNominalCL(i)  = ceil( ServerCL * NCS(i) / sum_ncs ) sum_ncs = sum[priority level k] NCS(k)\n\nBigger numbers mean a larger nominal concurrency limit, at the expense of every other priority level.\n\nIf not specified, this field defaults to a value of 30.\n\nSetting this field to zero supports the construction of a "jail" for this priority level that is used to hold some request(s)';
const QUEUES =
  '`queues` is the number of queues for this priority level. The queues exist independently at each apiserver. The value must be positive.  Setting it to 1 effectively precludes shufflesharding and thus makes the distinguisher method of associated flow schemas irrelevant.  This field has a default value of 64.';
const HAND_SIZE =
  "`handSize` is a small positive number that configures the shuffle sharding of requests into queues.  When enqueuing a request at this priority level the request's flow identifier (a string pair) is hashed and the hash value is used to shuffle the list of queues and deal a hand of the size specified here.  The request is put into one of the shortest queues in that hand. `handSize` must be no larger than `queues`, and should be significantly smaller (so that a few heavy flows do not saturate most of the queues).  See the user-facing documentation for more extensive guidance on setting this field.  This field has a default value of 8.";
const QUEUE_LENGTH_LIMIT =
  '`queueLengthLimit` is the maximum number of requests allowed to be waiting in a given queue of this priority level at a time; excess requests are rejected.  This value must be positive.  If not specified, it will be defaulted to 50.';

/**
 * The server's defaults for what a stored object would hold (k/k pkg/apis/flowcontrol/v1/defaults.go): an unset
 * nominalConcurrencyShares is 30; a present queuing block has zero queues/handSize/queueLengthLimit raised to 64/8/50.
 */
const DEFAULT_NOMINAL_CONCURRENCY_SHARES = 30;
const DEFAULT_QUEUES = 64;
const DEFAULT_HAND_SIZE = 8;
const DEFAULT_QUEUE_LENGTH_LIMIT = 50;

export const priorityLevelConfigurationPrinter: Printer = {
  columns: [
    nameColumn,
    text('Type', TYPE),
    text('NominalConcurrencyShares', NOMINAL_CONCURRENCY_SHARES),
    text('Queues', QUEUES),
    text('HandSize', HAND_SIZE),
    text('QueueLengthLimit', QUEUE_LENGTH_LIMIT),
    ageColumn,
  ],
  cells(object: KubeObject, now: number): unknown[] {
    const level = object as PriorityLevelConfiguration;
    const limited = level.spec?.limited;
    let shares: unknown = '<none>';
    let queues: unknown = '<none>';
    let handSize: unknown = '<none>';
    let queueLengthLimit: unknown = '<none>';
    if (limited) {
      shares = limited.nominalConcurrencyShares ?? DEFAULT_NOMINAL_CONCURRENCY_SHARES;
      const queuing = limited.limitResponse?.queuing;
      if (queuing) {
        queues = queuing.queues || DEFAULT_QUEUES;
        handSize = queuing.handSize || DEFAULT_HAND_SIZE;
        queueLengthLimit = queuing.queueLengthLimit || DEFAULT_QUEUE_LENGTH_LIMIT;
      }
    }
    return [
      level.metadata.name,
      level.spec?.type ?? '',
      shares,
      queues,
      handSize,
      queueLengthLimit,
      translateTimestampSince(level.metadata.creationTimestamp, now),
    ];
  },
};
