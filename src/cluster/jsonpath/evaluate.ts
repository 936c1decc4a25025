import { compare, type FilterOperator, isFilterOperator } from './compare.js';
import { EvaluationFailure, fail, failingWith } from './evaluation-failure.js';
import { GoFloat, goSprint, goTypeName, isGoMap } from './go-values.js';
import type { ArrayNode, FieldNode, FilterNode, IdentifierNode, JsonPathNode, JsonPathTemplate, ListNode } from './nodes.js';

/**
 * Evaluation of a parsed template against decoded JSON, as client-go util/jsonpath/jsonpath.go FindResults
 * and its eval* functions do it. Every node maps a list of values to a list of values; each top-level node
 * starts again from the data. `range` ... `end` re-runs the nodes between them once per value.
 *
 * Upstream keeps the range counters on the JSONPath object and truncates the parsed node list as it goes, so
 * evaluating a template with a range twice behaves differently the second time; here each evaluation is pure.
 */

export interface EvaluateOptions {
  /** A missing map key yields no value instead of the error `<key> is not found` (kubectl sets it). */
  allowMissingKeys?: boolean;
}

const encoder = new TextEncoder();

/** What `.*` and `..` descend into: map values, slice elements, and the bytes of a string (Go indexes bytes). */
function children(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (typeof value === 'string') return [...encoder.encode(value)];
  if (isGoMap(value)) return Object.values(value).filter((v) => v !== undefined);
  return [];
}

function isNil(value: unknown): boolean {
  return value === null || value === undefined;
}

class Evaluation {
  private beginRange = 0;
  private inRange = 0;
  private endRange = 0;
  /** Index (in the template's top-level nodes) of the `{end}` that closed the latest range iteration. */
  private lastEnd = -1;

  constructor(
    private readonly nodes: readonly JsonPathNode[],
    private readonly allowMissingKeys: boolean,
  ) {}

  /** Results per node from `from` on; a range recurses over the nodes after it, once per value. */
  findResults(from: number, data: unknown): unknown[][] {
    const full: unknown[][] = [];
    for (let i = from; i < this.nodes.length; i++) {
      const results = this.walk([data], this.nodes[i] as JsonPathNode);
      if (this.endRange > 0 && this.endRange <= this.inRange) {
        this.endRange--;
        this.lastEnd = i;
        break;
      }
      if (this.beginRange > 0) {
        this.beginRange--;
        this.inRange++;
        if (results.length > 0) {
          for (const value of results) for (const nested of this.findResults(i + 1, value)) full.push(nested);
        } else {
          // Still walk the body once, so that its `end` is found and processing resumes after it.
          this.findResults(i + 1, null);
        }
        this.inRange--;
        // Resume after the `end` met last; a range without one goes on with the next node.
        if (this.lastEnd > i) i = this.lastEnd;
        continue;
      }
      full.push(results);
    }
    return full;
  }

  private walk(input: unknown[], node: JsonPathNode): unknown[] {
    switch (node.type) {
      case 'list':
        return this.evalList(input, node);
      case 'text':
        return [node.text];
      case 'field':
        return this.evalField(input, node);
      case 'array':
        return this.evalArray(input, node);
      case 'filter':
        return this.evalFilter(input, node);
      case 'int':
      case 'bool':
        return input.map(() => node.value);
      case 'float':
        return input.map(() => new GoFloat(node.value));
      case 'wildcard':
        return input.filter((value) => !isNil(value)).flatMap(children);
      case 'recursive':
        return this.evalRecursive(input);
      case 'union':
        return failingWith(input, () => node.branches.flatMap((branch) => this.evalList(input, branch)));
      case 'identifier':
        return this.evalIdentifier(input, node);
    }
  }

  private evalList(input: unknown[], node: ListNode): unknown[] {
    let values = input;
    for (const child of node.nodes) values = this.walk(values, child);
    return values;
  }

  private evalIdentifier(input: unknown[], node: IdentifierNode): unknown[] {
    if (node.name === 'range') {
      this.beginRange++;
      return input;
    }
    if (node.name === 'end') {
      if (this.inRange === 0) fail('not in range, nothing to end', []);
      this.endRange++;
      return [];
    }
    return fail(`unrecognized identifier ${node.name}`, input);
  }

  private evalField(input: unknown[], node: FieldNode): unknown[] {
    // No input, no output — and no "not found" either.
    if (input.length === 0) return [];
    const results: unknown[] = [];
    for (const value of input) {
      if (isGoMap(value) && Object.hasOwn(value, node.name) && value[node.name] !== undefined) results.push(value[node.name]);
    }
    if (results.length === 0 && !this.allowMissingKeys) fail(`${node.name} is not found`, results);
    return results;
  }

  private evalArray(input: unknown[], node: ArrayNode): unknown[] {
    const results: unknown[] = [];
    for (const value of input) {
      if (isNil(value)) continue;
      if (!Array.isArray(value)) fail(`${goTypeName(value)} is not array or slice`, input);
      const length = value.length;
      const [first, second, third] = node.params;
      let start = first.known ? first.value : 0;
      if (start < 0) start += length;
      let end = second.known ? second.value : length;
      if (end < 0 || (end === 0 && second.derived)) end += length;
      // Asking for no element at all ends the whole evaluation of this node, even for later inputs.
      if (end === start) return results;
      if (start >= length || start < 0) fail(`array index out of bounds: index ${start}, length ${length}`, input);
      if (end > length || end < 0) fail(`array index out of bounds: index ${end - 1}, length ${length}`, input);
      if (start > end) fail(`starting index ${start} is greater than ending index ${end}`, input);
      let step = 1;
      if (third.known) {
        if (third.value <= 0) fail('step must be > 0', input);
        step = third.value;
      }
      for (let i = start; i < end; i += step) results.push(value[i]);
    }
    return results;
  }

  /** Pre-order: a value, then what is below it. Only values with children are listed (never numbers). */
  private evalRecursive(input: unknown[], results: unknown[] = []): unknown[] {
    for (const value of input) {
      if (isNil(value)) continue;
      const below = children(value);
      if (below.length === 0) continue;
      results.push(value);
      this.evalRecursive(below, results);
    }
    return results;
  }

  private evalFilter(input: unknown[], node: FilterNode): unknown[] {
    const results: unknown[] = [];
    for (const value of input) {
      if (!Array.isArray(value)) fail(`${goSprint(value)} is not array or slice and cannot be filtered`, input);
      for (const element of value) {
        if (node.operator === 'exists') {
          if (this.existingValues(element, node.left).length > 0) results.push(element);
          continue;
        }
        const lefts = failingWith(input, () => this.evalList([element], node.left));
        if (lefts.length === 0) continue;
        if (lefts.length > 1) fail('can only compare one element at a time', input);
        const rights = failingWith(input, () => this.evalList([element], node.right));
        if (rights.length === 0) continue;
        if (rights.length > 1) fail('can only compare one element at a time', input);
        if (!isFilterOperator(node.operator)) fail(`unrecognized filter operator ${node.operator}`, results);
        if (failingWith(results, () => compare(node.operator as FilterOperator, lefts[0], rights[0]))) results.push(element);
      }
    }
    return results;
  }

  /** The left side of an existence filter; its error is ignored, but not the values returned with it. */
  private existingValues(element: unknown, left: ListNode): unknown[] {
    try {
      return this.evalList([element], left);
    } catch (error) {
      if (error instanceof EvaluationFailure) return error.partial;
      throw error;
    }
  }
}

/** Float literals travel as GoFloat inside the evaluation only; callers get plain JSON values. */
function plain(value: unknown): unknown {
  return value instanceof GoFloat ? value.value : value;
}

/**
 * The results of each top-level node (client-go FindResults): text nodes give their text, actions their values.
 * Throws a JsonPathError where upstream returns an error.
 */
export function evaluate(template: JsonPathTemplate, data: unknown, options: EvaluateOptions = {}): unknown[][] {
  const evaluation = new Evaluation(template.nodes, options.allowMissingKeys ?? false);
  return evaluation.findResults(0, data).map((results) => results.map(plain));
}
