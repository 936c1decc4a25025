/**
 * A JSONPath template that does not parse, or that fails on the data it is evaluated against. The message is
 * the text client-go util/jsonpath gives (parser.go, jsonpath.go), so callers can quote it as the server does.
 */
export class JsonPathError extends Error {
  constructor(
    message: string,
    readonly phase: 'parse' | 'evaluate',
  ) {
    super(message);
    this.name = 'JsonPathError';
  }
}
