/**
 * The frames of one store event, each made once per output form and event type and shared by every watcher of
 * that form while the event is dispatched; then dropped. Upstream the cacher wraps each dispatched object in a
 * cachingObject whose serializations are keyed by the encoder's identifier (table options included) and the
 * event type, and dropped after the dispatch (storage/cacher/cacher.go setCachingObjects, caching_object.go,
 * endpoints/handlers/response.go watchEncoder).
 */
export class EventFrames {
  private readonly frames = new Map<string, Buffer>();

  frame(key: string, make: () => Buffer): Buffer {
    let frame = this.frames.get(key);
    if (frame === undefined) {
      frame = make();
      this.frames.set(key, frame);
    }
    return frame;
  }
}
