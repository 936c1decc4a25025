import type { BackendAnswer } from '../backend-answer.js';

/**
 * The plain answers the kubelet's Go HTTP stack writes: net/http's Error and NotFound (text with a newline,
 * nosniff), go-restful's error strings (no Content-Type of their own, so net/http sniffs text/plain), and
 * http.Redirect's short HTML body.
 */
const TEXT = 'text/plain; charset=utf-8';

export function httpError(status: number, message: string): BackendAnswer {
  return { status, headers: { 'Content-Type': TEXT, 'X-Content-Type-Options': 'nosniff' }, body: `${message}\n` };
}

/** net/http NotFound: what the kubelet's ServeMux answers for a path nothing is registered at. */
export function muxNotFound(): BackendAnswer {
  return httpError(404, '404 page not found');
}

/** go-restful's Response.WriteErrorString / WriteError: the text alone. */
export function restfulError(status: number, message: string): BackendAnswer {
  return { status, headers: { 'Content-Type': TEXT }, body: message };
}

/** go-restful, when a web service is found but none of its routes matches the path. */
export function restfulNotFound(): BackendAnswer {
  return restfulError(404, '404: Page Not Found');
}

/** go-restful, when a route matches the path but not the method. */
export function restfulMethodNotAllowed(): BackendAnswer {
  return restfulError(405, '405: Method Not Allowed');
}

export function plainText(body: string, contentType = TEXT): BackendAnswer {
  return { status: 200, headers: { 'Content-Type': contentType }, body };
}

const htmlEscape = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&#34;').replace(/'/g, '&#39;');

/** net/http Redirect with 301, as ServeMux sends `/logs` to `/logs/`: a Location and a one-line HTML body. */
export function movedPermanently(location: string, method: string): BackendAnswer {
  const headers = { Location: location, 'Content-Type': 'text/html; charset=utf-8' };
  const body = method === 'GET' ? `<a href="${htmlEscape(location)}">Moved Permanently</a>.\n\n` : '';
  return { status: 301, headers, body };
}

/** net/http's localRedirect (FileServer): a bare 301 to a relative location, the query kept. */
export function localRedirect(location: string, rawQuery: string): BackendAnswer {
  return { status: 301, headers: { Location: rawQuery === '' ? location : `${location}?${rawQuery}` }, body: '' };
}
