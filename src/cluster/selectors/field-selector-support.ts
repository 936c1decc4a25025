import type { KubeObject } from '../objects.js';
import type { FieldSelectorSpec } from '../resources/resource-type.js';
import { createFieldSelector } from './field-selector.js';
import { goQuote } from './go-strings.js';
import { SelectorError, type FieldRequirement, type FieldSelector } from './types.js';

/**
 * Field label conversion, as the API server applies it to every list/watch field selector
 * (apiserver pkg/endpoints/handlers/get.go: fieldSelector.Transform(scope.Convertor.ConvertFieldLabel)).
 * A resource with its own conversion function (k/k pkg/apis/core/v1/conversion.go and kin) rejects an
 * unknown key with "field label not supported: <key>"; any other resource falls back to apimachinery
 * pkg/runtime/conversion.go DefaultMetaV1FieldSelectorConversion and its quoted message.
 */

function unsupported(field: string, spec: FieldSelectorSpec): SelectorError {
  if (spec.style === 'converter') return new SelectorError(`field label not supported: ${field}`);
  if (spec.style === 'kind') return new SelectorError(`field label ${goQuote(field)} not supported for ${spec.kind ?? ''}`);
  return new SelectorError(`${goQuote(field)} is not a known field selector: only ${goQuote('metadata.name')}, ${goQuote('metadata.namespace')}`);
}

function convert(requirement: FieldRequirement, spec: FieldSelectorSpec): FieldRequirement {
  const alias = spec.aliases !== undefined && Object.hasOwn(spec.aliases, requirement.field) ? spec.aliases[requirement.field] : undefined;
  if (alias !== undefined) return { ...requirement, field: alias };
  if (spec.keys.includes(requirement.field)) return requirement;
  throw unsupported(requirement.field, spec);
}

/**
 * Checks every term's key against the resource and rewrites legacy keys (pods: spec.host → spec.nodeName).
 * Terms are checked in the selector's (sorted) order, so the first unsupported one is the one reported.
 */
export function checkFieldSelector(selector: FieldSelector, spec: FieldSelectorSpec): FieldSelector {
  return createFieldSelector(selector.requirements.map((requirement) => convert(requirement, spec)));
}

/** Whether an object's selectable fields satisfy a selector already checked against the same spec. */
export function matchesFields(selector: FieldSelector, spec: FieldSelectorSpec, object: KubeObject): boolean {
  return selector.isEmpty() || selector.matches(spec.fields(object));
}
