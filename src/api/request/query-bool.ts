/**
 * A boolean query parameter as the API server converts it (apimachinery runtime/conversion.go
 * Convert_Slice_string_To_bool): absent, `0` or any case of `false` is false; anything else, even empty, is true.
 */
export function queryBool(value: string | undefined): boolean {
  if (value === undefined) return false;
  return value !== '0' && value.toLowerCase() !== 'false';
}
