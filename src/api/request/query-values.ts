import { badRequest } from '../errors/api-error.js';

/** Query parameters as the API server converts them into options (apimachinery runtime/conversion.go). */

/**
 * A boolean query parameter as the API server converts it (apimachinery runtime/conversion.go
 * Convert_Slice_string_To_bool): absent, `0` or any case of `false` is false; anything else, even empty, is true.
 */
export function queryBool(value: string | undefined): boolean {
  if (value === undefined) return false;
  return value !== '0' && value.toLowerCase() !== 'false';
}

/**
 * An integer parameter (limit, timeoutSeconds, tailLines, ...): absent is undefined; anything else must parse
 * as Go's strconv.ParseInt does, even the empty string, or the request is a 400 with Go's words.
 */
export function queryInt(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[+-]?\d+$/.test(value)) throw badRequest(`strconv.ParseInt: parsing ${JSON.stringify(value)}: invalid syntax`);
  return Number(value);
}
