/**
 * The syntax tree of a JSONPath template, one kind per node type of client-go util/jsonpath/node.go.
 * A template is a list of top-level nodes: literal text, and one `list` per `{...}` action.
 */

export interface ListNode {
  readonly type: 'list';
  readonly nodes: JsonPathNode[];
}

/** Literal text: outside an action, or a quoted string inside one (`{"\n"}`). */
export interface TextNode {
  readonly type: 'text';
  readonly text: string;
}

/** `.name` or `['name']`: a map key (backslash escapes already removed). */
export interface FieldNode {
  readonly type: 'field';
  readonly name: string;
}

/** A bare word inside an action: only `range` and `end` mean something when evaluated. */
export interface IdentifierNode {
  readonly type: 'identifier';
  readonly name: string;
}

/**
 * One bound of `[start:end:step]`. `known` is false for an omitted bound; `derived` marks the end of a plain
 * index `[n]`, which the parser sets to n+1 (so that `[-1]` can mean "the last element").
 */
export interface SliceParam {
  readonly value: number;
  readonly known: boolean;
  readonly derived: boolean;
}

export interface ArrayNode {
  readonly type: 'array';
  readonly params: readonly [SliceParam, SliceParam, SliceParam];
}

/** `[?(left op right)]`, or `[?(left)]` with the operator `exists`. */
export interface FilterNode {
  readonly type: 'filter';
  readonly left: ListNode;
  readonly right: ListNode;
  readonly operator: string;
}

/** Go keeps integer and float literals apart, and so must comparisons: `1 == 1.0` is an error there. */
export interface IntNode {
  readonly type: 'int';
  readonly value: number;
}

export interface FloatNode {
  readonly type: 'float';
  readonly value: number;
}

export interface BoolNode {
  readonly type: 'bool';
  readonly value: boolean;
}

/** `.*`: every value of a map, every element of an array. */
export interface WildcardNode {
  readonly type: 'wildcard';
}

/** `..`: the value and everything below it that has children. */
export interface RecursiveNode {
  readonly type: 'recursive';
}

/** `[a,b]`: each branch evaluated against the same input, results concatenated. */
export interface UnionNode {
  readonly type: 'union';
  readonly branches: ListNode[];
}

export type JsonPathNode =
  ListNode | TextNode | FieldNode | IdentifierNode | ArrayNode | FilterNode | IntNode | FloatNode | BoolNode | WildcardNode | RecursiveNode | UnionNode;

/** A parsed template: its source and its top-level nodes (text and `list` actions). */
export interface JsonPathTemplate {
  readonly source: string;
  readonly nodes: readonly JsonPathNode[];
}

export const list = (nodes: JsonPathNode[] = []): ListNode => ({ type: 'list', nodes });
