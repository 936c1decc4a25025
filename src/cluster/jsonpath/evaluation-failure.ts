import { JsonPathError } from './jsonpath-error.js';

/**
 * An error as Go's eval functions return it: together with values (`return input, err`). Only an existence
 * filter looks at them — `[?(@.ports[1])]` keeps an element whose second port is out of bounds, because the
 * failing index returns its input.
 */
export class EvaluationFailure extends JsonPathError {
  constructor(
    message: string,
    readonly partial: unknown[],
  ) {
    super(message, 'evaluate');
  }
}

export function fail(message: string, partial: unknown[]): never {
  throw new EvaluationFailure(message, partial);
}

/** Runs `step`; a failure inside it is re-thrown carrying `partial` instead, as the enclosing Go function returns. */
export function failingWith<T>(partial: unknown[], step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (error instanceof JsonPathError) throw new EvaluationFailure(error.message, partial);
    throw error;
  }
}
