/**
 * What the store can refuse, in storage terms (apiserver pkg/storage/errors.go). The API layer turns these
 * into Status responses; the store knows nothing of HTTP codes.
 */
export type StoreErrorReason =
  | 'NotFound'
  | 'AlreadyExists'
  /** The requested resourceVersion is older than the retained history. */
  | 'Expired'
  /** The requested resourceVersion is newer than anything the store has written. */
  | 'TooLargeResourceVersion'
  /** A continue token the store did not write (or cannot read back). */
  | 'InvalidContinue'
  /** A resourceVersion that is not one the store writes (a non-negative integer). */
  | 'InvalidResourceVersion';

export class StoreError extends Error {
  override readonly name = 'StoreError';

  constructor(
    readonly reason: StoreErrorReason,
    message: string,
    /** For Expired/TooLarge: the requested and the limiting resourceVersion. */
    readonly resourceVersions?: { requested: number; limit: number },
    /** For an Expired page of a list: the token that continues at the latest state instead. */
    readonly continueToken?: string,
  ) {
    super(message);
  }
}
