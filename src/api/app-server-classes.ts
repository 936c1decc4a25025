import { IncomingMessage, ServerResponse } from 'node:http';
import type { Express } from 'express';

/** What node:http and node:https servers build each request and response from. */
export interface ServerClasses {
  IncomingMessage: typeof IncomingMessage;
  ServerResponse: typeof ServerResponse;
}

/**
 * Request and response classes whose instances are born with the app's own prototypes (`app.request`,
 * `app.response`), for the server that serves the app. Express gives every request and response those prototypes
 * as it takes them (`Object.setPrototypeOf`), which V8 pays for far beyond the call: the objects of every request
 * it touches outlive young-generation collections and are copied into the old generation, about 8 KB a request
 * (measured with `--trace-gc-nvp`), so the server spends its time in the collector and answers half as many
 * requests. Born with those prototypes, Express's change is a no-op and a request's objects die young.
 */
export function serverClassesFor(app: Express): ServerClasses {
  class AppRequest extends IncomingMessage {}
  class AppResponse<Request extends IncomingMessage = IncomingMessage> extends ServerResponse<Request> {}
  // The app's prototypes stay in the chain (they carry `app` and Express's methods); the classes' own become them.
  Object.setPrototypeOf(AppRequest.prototype, app.request);
  Object.setPrototypeOf(AppResponse.prototype, app.response);
  app.request = AppRequest.prototype as Express['request'];
  app.response = AppResponse.prototype as unknown as Express['response'];
  return { IncomingMessage: AppRequest, ServerResponse: AppResponse };
}
