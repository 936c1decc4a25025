/**
 * UTF-8 bytes of many small texts packed into shared 1 MiB slabs. `Buffer.from` of a short string takes a slice
 * of an 8 KiB pool, so encoding 150,000 objects makes some 50,000 pools, each an ArrayBuffer V8 accounts for on
 * its own; one slab holds hundreds of objects. A slab lives as long as any text in it: only texts that live about
 * as long as one another belong together (the objects a cluster was loaded with, which a change replaces but
 * never frees one by one faster than the rest).
 */
export class ByteSlabs {
  private slab: Buffer | undefined;
  private used = 0;

  constructor(private readonly slabBytes = 1024 * 1024) {}

  /** The UTF-8 bytes of `text`, in the current slab when they fit (a text over an eighth of a slab has its own). */
  encode(text: string): Buffer {
    // UTF-8 takes at most three bytes per UTF-16 unit.
    const most = text.length * 3;
    if (most > this.slabBytes / 8) return Buffer.from(text);
    if (!this.slab || this.used + most > this.slabBytes) {
      this.slab = Buffer.allocUnsafeSlow(this.slabBytes);
      this.used = 0;
    }
    const start = this.used;
    this.used += this.slab.write(text, start);
    return this.slab.subarray(start, this.used);
  }
}
