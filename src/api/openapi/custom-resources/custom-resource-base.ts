import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JsonObject } from '../swagger-to-gnostic.js';

/** A non-body swagger 2.0 parameter, as upstream's documents write them. */
export interface SwaggerParameter {
  name: string;
  in: 'query' | 'path';
  description?: string;
  required?: boolean;
  type: string;
  uniqueItems?: boolean;
}

/** What the options type of each action (GetOptions, ListOptions, CreateOptions, ...) adds as query parameters. */
export type OptionsAction = 'get' | 'list' | 'deletecollection' | 'post' | 'put' | 'patch' | 'delete';

/**
 * openapi/custom-resources.json, written by scripts/update-openapi.mjs from upstream's document: what
 * apiextensions-apiserver's builder takes from the Go types it builds every custom resource's OpenAPI with.
 */
export interface CustomResourceBase {
  parameters: Record<OptionsAction, SwaggerParameter[]> & { pretty: SwaggerParameter; namespace: SwaggerParameter };
  /** TypeMeta's apiVersion and kind properties; PartialObjectMetadata(List)'s metadata descriptions. */
  properties: { apiVersion: JsonObject; kind: JsonObject; metadata: string; listMetadata: string };
  /** The v3 form of the built-in schemas a custom resource document references (ObjectMeta, Status, Scale, ...). */
  schemas: Record<string, JsonObject>;
}

const loaded = new Map<string, CustomResourceBase>();

/** Read once per directory, and only for a cluster that defines custom resources. */
export function loadCustomResourceBase(directory: string): CustomResourceBase {
  let base = loaded.get(directory);
  if (!base) {
    base = JSON.parse(readFileSync(join(directory, 'custom-resources.json'), 'utf8')) as CustomResourceBase;
    loaded.set(directory, base);
  }
  return base;
}
