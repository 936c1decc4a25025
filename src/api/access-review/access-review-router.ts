import express, { type Request, Router } from 'express';
import { ApiError, badRequest, unsupportedMediaType } from '../errors/api-error.js';
import { writeRaw } from '../responses/write-body.js';
import { decodeReview, isKubernetesProtobuf } from './protobuf-body.js';
import {
  NON_RESOURCE_RULES,
  nonResourceAllowed,
  type NonResourceAttributes,
  RESOURCE_RULES,
  resourceAllowed,
  type ResourceAttributes,
} from './review-decisions.js';

const GROUP_VERSION = 'authorization.k8s.io/v1';

/** The review body as JSON (kubectl <= 1.31) or Kubernetes protobuf (kubectl >= 1.32, api §13.3). */
function readBody(req: Request, kind: string): Record<string, unknown> {
  const type = (req.get('content-type') ?? '').split(';')[0]?.trim();
  const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
  if (type === 'application/vnd.kubernetes.protobuf') {
    if (!isKubernetesProtobuf(body)) throw unsupportedMediaType();
    try {
      const decoded = decodeReview(body);
      if (decoded.kind !== kind) throw badRequest(`the body of the request was a ${decoded.kind}, not a ${kind}`);
      return decoded.object;
    } catch (error) {
      if (error instanceof ApiError) throw error;
      throw unsupportedMediaType();
    }
  }
  if (type === 'application/json' || type === '') {
    try {
      const parsed: unknown = JSON.parse(body.toString('utf8') || '{}');
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
      return parsed as Record<string, unknown>;
    } catch (error) {
      throw badRequest(`couldn't get version/kind; json parse error: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  throw unsupportedMediaType();
}

function created(spec: unknown, kind: string, status: object): object {
  return { kind, apiVersion: GROUP_VERSION, metadata: { creationTimestamp: null }, spec, status };
}

/**
 * POST selfsubjectaccessreviews and selfsubjectrulesreviews: the only writes accepted, answering what the
 * read-only user may do, so `kubectl auth can-i` says yes to reading and no to the rest (201 Created, as upstream).
 */
export function createAccessReviewRouter(): Router {
  const router = Router();
  const raw = express.raw({ type: () => true, limit: '1mb' });

  router.post('/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', raw, (req, res) => {
    const review = readBody(req, 'SelfSubjectAccessReview');
    const spec = (review['spec'] ?? {}) as { resourceAttributes?: ResourceAttributes; nonResourceAttributes?: NonResourceAttributes };
    if (!spec.resourceAttributes === !spec.nonResourceAttributes) {
      throw new ApiError(422, 'Invalid', 'SelfSubjectAccessReview.authorization.k8s.io "" is invalid: spec.resourceAttributes: Invalid value: "null": exactly one of nonResourceAttributes or resourceAttributes must be specified', {
        group: 'authorization.k8s.io',
        kind: 'SelfSubjectAccessReview',
        causes: [{ reason: 'FieldValueInvalid', message: 'Invalid value: "null": exactly one of nonResourceAttributes or resourceAttributes must be specified', field: 'spec.resourceAttributes' }],
      });
    }
    const allowed = spec.resourceAttributes ? resourceAllowed(spec.resourceAttributes) : nonResourceAllowed(spec.nonResourceAttributes ?? {});
    writeRaw(res, 201, 'application/json', JSON.stringify(created(spec, 'SelfSubjectAccessReview', { allowed })));
  });

  router.post('/apis/authorization.k8s.io/v1/selfsubjectrulesreviews', raw, (req, res) => {
    const review = readBody(req, 'SelfSubjectRulesReview');
    const spec = (review['spec'] ?? {}) as { namespace?: string };
    writeRaw(res, 201, 'application/json', JSON.stringify(created(spec, 'SelfSubjectRulesReview', { resourceRules: RESOURCE_RULES, nonResourceRules: NON_RESOURCE_RULES, incomplete: false })));
  });
  return router;
}
