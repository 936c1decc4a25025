/**
 * The JSONPath dialect of client-go util/jsonpath, used by kubectl's `-o jsonpath`, by the printer columns of
 * custom resources and by their selectable fields. Pure: parse a template once, evaluate it against decoded JSON.
 */
export type {
  ArrayNode,
  BoolNode,
  FieldNode,
  FilterNode,
  FloatNode,
  IdentifierNode,
  IntNode,
  JsonPathNode,
  JsonPathTemplate,
  ListNode,
  RecursiveNode,
  SliceParam,
  TextNode,
  UnionNode,
  WildcardNode,
} from './nodes.js';
export { JsonPathError } from './jsonpath-error.js';
export { parseJsonPath } from './parser.js';
export { evaluate, type EvaluateOptions } from './evaluate.js';
export { executeJsonPath, printResults } from './print-results.js';
export { goJsonMarshal } from './go-json.js';
export { formatGoFloat, goSprint } from './go-values.js';
export { selectableField, selectableFieldValue, type SelectableField } from './selectable-field.js';
