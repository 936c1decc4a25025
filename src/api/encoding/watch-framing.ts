import type { WatchFraming } from './resource-encoder.js';

/** A JSON object per event, on a line of its own (the JS client splits the stream on newlines). */
export const JSON_WATCH_FRAMING: WatchFraming = {
  mediaType: 'application/json',
  event: (type, object) =>
    typeof object === 'string'
      ? Buffer.from(`{"type":"${type}","object":${object}}\n`)
      : Buffer.concat([Buffer.from(`{"type":"${type}","object":`), object, CLOSING]),
  error: (status) => JSON_WATCH_FRAMING.event('ERROR', JSON.stringify(status)),
};

const CLOSING = Buffer.from('}\n');
