/** Label and field selectors: pure parsing, matching and printing, with the API server's error texts. */
export type { FieldOperator, FieldRequirement, FieldSelector, LabelOperator, LabelRequirement, LabelSelector } from './types.js';
export { SelectorError } from './types.js';
export { createLabelSelector, parseLabelSelector } from './label-selector.js';
export { createFieldSelector, escapeFieldValue, parseFieldSelector } from './field-selector.js';
export { checkFieldSelector, matchesFields } from './field-selector-support.js';
export { labelSelectorAsSelector, type LabelSelectorSpec, labelSetMatches, mapSelectorMatches, selectorMatches } from './label-selector-spec.js';
