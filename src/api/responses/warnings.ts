import type { Response } from 'express';

/**
 * Adds a `Warning: 299 - "<text>"` header, once per distinct text (apimachinery pkg/util/net/http.go
 * NewWarningHeader); kubectl prints each as `Warning: <text>`.
 */
export function addWarning(res: Response, text: string): void {
  const value = `299 - "${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  const existing = res.getHeader('Warning');
  const values = existing === undefined ? [] : Array.isArray(existing) ? existing : [String(existing)];
  if (!values.includes(value)) res.setHeader('Warning', [...values, value]);
}
