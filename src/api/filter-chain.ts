import type { NextFunction, Request, RequestHandler, Response } from 'express';

/**
 * The filters every request passes, run in order as one handler, as kube-apiserver wraps its handler in one chain
 * (server/config.go DefaultBuildHandlerChain). Each filter is an Express middleware: it calls `next()` to pass the
 * request on, `next(error)` to hand it to the error handler, or answers itself. One router layer for the whole
 * chain instead of one per filter: Express's router builds a `next` of its own and matches a path at every layer,
 * which for a small GET cost more than the filters themselves.
 */
export function filterChain(filters: readonly RequestHandler[]): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    let index = 0;
    const step = (error?: unknown): void => {
      if (error !== undefined && error !== null) {
        next(error);
        return;
      }
      const filter = filters[index++];
      if (filter === undefined) {
        next();
        return;
      }
      try {
        // As Express 5 does for any handler: a promise it returns that rejects goes to the error handler, even
        // one rejected without a reason (which `step` would take for "go on").
        const returned: unknown = filter(req, res, step);
        if (returned instanceof Promise) returned.catch((reason: unknown) => next(reason ?? new Error('Rejected promise')));
      } catch (thrown: unknown) {
        next(thrown);
      }
    };
    step();
  };
}
