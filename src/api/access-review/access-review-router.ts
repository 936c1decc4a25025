import express, { type Request, type Response, Router } from 'express';
import { type Clock, systemClock } from '../../cluster/index.js';
import { negotiateResourceOutput, wantsPretty } from '../negotiation/resource-output.js';
import { writeObject } from '../responses/write-body.js';
import { MAX_REQUEST_BODY_BYTES } from '../limits/request-entity-too-large.js';
import { ANONYMOUS_USER, type UserInfo } from './anonymous-user.js';
import { type ExpectedType, readReviewBody } from './review-body.js';
import { selfSubjectAccessReview, selfSubjectReview, selfSubjectRulesReview } from './reviews.js';

export interface AccessReviewOptions {
  /** Stamps SelfSubjectReview's creationTimestamp. */
  clock?: Clock;
  user?: UserInfo;
}

/** Upstream's request body limit for writes: a larger body is a 413 (see requestEntityTooLarge). */
const BODY_LIMIT = MAX_REQUEST_BODY_BYTES;

/**
 * POST endpoints of the self-subject reviews, the only writes a read-only server accepts (`kubectl auth can-i`,
 * `auth can-i --list`, `auth whoami`). Bodies are kept raw so that JSON, YAML and protobuf can all be decoded;
 * the answer is 201 with the review in the negotiated encoding (JSON for kubectl, which also accepts it when it
 * prefers protobuf — observed). The output is negotiated before the body is read, as in handlers/create.go.
 */
export function createAccessReviewRouter(options: AccessReviewOptions = {}): Router {
  const clock = options.clock ?? systemClock;
  const user = options.user ?? ANONYMOUS_USER;
  const router = Router({ caseSensitive: true });
  const raw = express.raw({ type: () => true, limit: BODY_LIMIT });

  const review = (expected: ExpectedType, answer: (input: Record<string, unknown>) => Record<string, unknown>) =>
    [
      raw,
      (req: Request, res: Response): void => {
        const output = negotiateResourceOutput(req.get('accept'), {
          tableAllowed: false,
          pretty: wantsPretty(req.query as Record<string, unknown>, req.get('user-agent')),
          protobuf: true,
        });
        const body = answer(readReviewBody(req, expected)) as { apiVersion: string; kind: string };
        writeObject(
          res,
          201,
          body,
          output.format === 'yaml' || output.format === 'protobuf' ? output.format : 'pretty' in output && output.pretty ? 'pretty' : 'json',
        );
      },
    ] as const;

  const authorization = (kind: string): ExpectedType => ({ group: 'authorization.k8s.io', version: 'v1', kind });
  router.post('/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', ...review(authorization('SelfSubjectAccessReview'), selfSubjectAccessReview));
  router.post('/apis/authorization.k8s.io/v1/selfsubjectrulesreviews', ...review(authorization('SelfSubjectRulesReview'), selfSubjectRulesReview));
  // v1beta1 is what kubectl 1.27 `auth whoami` posts to; v1 from 1.28 on.
  for (const version of ['v1', 'v1beta1'] as const) {
    router.post(
      `/apis/authentication.k8s.io/${version}/selfsubjectreviews`,
      ...review({ group: 'authentication.k8s.io', version, kind: 'SelfSubjectReview' }, () => selfSubjectReview(version, user, clock.now())),
    );
  }
  return router;
}
