import type { KubeObject } from '../../objects.js';
import { defaultField, ensureFields, fieldsAt, isEmpty, isFields, itemsAt, retyped, type Fields } from './json-fields.js';

/**
 * apiextensions.k8s.io/v1beta1 CustomResourceDefinition → v1 (apiextensions-apiserver
 * pkg/apis/apiextensions/v1beta1/defaults.go, then pkg/apis/apiextensions/v1/conversion.go).
 * v1 moved the spec-wide `validation`, `subresources` and `additionalPrinterColumns` into each version,
 * the conversion webhook settings under `conversion.webhook`, and spells a column's path `jsonPath`.
 */
function defaultCrd(object: Fields): void {
  const spec = ensureFields(object, 'spec');
  if (isEmpty(spec['scope'])) spec['scope'] = 'Namespaced';
  const names = ensureFields(spec, 'names');
  const kind = typeof names['kind'] === 'string' ? names['kind'] : '';
  if (isEmpty(names['singular'])) names['singular'] = kind.toLowerCase();
  if (isEmpty(names['listKind']) && kind !== '') names['listKind'] = `${kind}List`;
  if (isEmpty(spec['versions']) && !isEmpty(spec['version'])) {
    spec['versions'] = [{ name: spec['version'], served: true, storage: true }];
  }
  const first = itemsAt(spec, 'versions')[0];
  if (isEmpty(spec['version']) && first) spec['version'] = first['name'];
  const conversion = ensureFields(spec, 'conversion');
  if (isEmpty(conversion['strategy'])) conversion['strategy'] = 'None';
  if (conversion['strategy'] === 'Webhook' && isEmpty(conversion['conversionReviewVersions'])) {
    conversion['conversionReviewVersions'] = ['v1beta1'];
  }
  const service = fieldsAt(fieldsAt(conversion, 'webhookClientConfig'), 'service');
  if (service) defaultField(service, 'port', 443);
  defaultField(spec, 'preserveUnknownFields', true);
  const status = ensureFields(object, 'status');
  if (isEmpty(status['storedVersions'])) {
    const storage = itemsAt(spec, 'versions').find((v) => v['storage'] === true);
    if (storage) status['storedVersions'] = [storage['name']];
  }
}

const NAMED_SCHEMAS = new Set(['properties', 'patternProperties', 'definitions']);
const SUB_SCHEMAS = new Set(['items', 'additionalProperties', 'additionalItems', 'not', 'allOf', 'anyOf', 'oneOf']);

/**
 * A JSON `null` as a schema's `default` or `example` is dropped, in every nested schema
 * (Convert_apiextensions_JSONSchemaProps_To_v1_JSONSchemaProps).
 */
function dropNullDefaults(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(dropNullDefaults);
  if (!isFields(schema)) return schema;
  const out: Fields = {};
  for (const [key, value] of Object.entries(schema)) {
    if ((key === 'default' || key === 'example') && value === null) continue;
    if (NAMED_SCHEMAS.has(key) && isFields(value)) {
      out[key] = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, dropNullDefaults(sub)]));
    } else if (key === 'dependencies' && isFields(value)) {
      out[key] = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, isFields(sub) ? dropNullDefaults(sub) : sub]));
    } else {
      out[key] = SUB_SCHEMAS.has(key) ? dropNullDefaults(value) : value;
    }
  }
  return out;
}

function convertValidation(validation: Fields): Fields {
  const out: Fields = { ...validation };
  if (isFields(out['openAPIV3Schema'])) out['openAPIV3Schema'] = dropNullDefaults(out['openAPIV3Schema']);
  return out;
}

/** v1beta1 column `JSONPath` → v1 `jsonPath` (one Go field, two json tags), keeping the column's key order. */
function convertColumn(column: Fields): Fields {
  const out: Fields = {};
  for (const [key, value] of Object.entries(column)) out[key === 'JSONPath' ? 'jsonPath' : key] = value;
  return out;
}

function convertConversion(conversion: Fields): Fields {
  const { strategy, webhookClientConfig, conversionReviewVersions, ...rest } = conversion;
  const out: Fields = { strategy };
  if (webhookClientConfig !== undefined || conversionReviewVersions !== undefined) {
    const webhook: Fields = {};
    if (webhookClientConfig !== undefined) webhook['clientConfig'] = webhookClientConfig;
    if (conversionReviewVersions !== undefined) webhook['conversionReviewVersions'] = conversionReviewVersions;
    out['webhook'] = webhook;
  }
  return { ...out, ...rest };
}

export function crdToApiextensionsV1(object: Fields): KubeObject {
  defaultCrd(object);
  const spec = ensureFields(object, 'spec');
  const { version: _version, validation, subresources, additionalPrinterColumns, selectableFields, ...kept } = spec;
  const versions = itemsAt(spec, 'versions').map((v) => {
    const out: Fields = { ...v };
    if (validation !== undefined) out['schema'] = structuredClone(validation);
    if (isFields(out['schema'])) out['schema'] = convertValidation(out['schema']);
    if (subresources !== undefined) out['subresources'] = structuredClone(subresources);
    const columns = additionalPrinterColumns ?? out['additionalPrinterColumns'];
    if (Array.isArray(columns)) out['additionalPrinterColumns'] = columns.filter(isFields).map(convertColumn);
    if (selectableFields !== undefined) out['selectableFields'] = structuredClone(selectableFields);
    return out;
  });
  const converted: Fields = {};
  for (const [key, value] of Object.entries(kept)) {
    if (key === 'versions') converted['versions'] = versions;
    else if (key === 'conversion' && isFields(value)) converted['conversion'] = convertConversion(value);
    else converted[key] = value;
  }
  // v1's preserveUnknownFields is a plain bool with omitempty: false is not written.
  if (converted['preserveUnknownFields'] !== true) delete converted['preserveUnknownFields'];
  object['spec'] = converted;
  return retyped(object, 'apiextensions.k8s.io/v1', 'CustomResourceDefinition');
}
