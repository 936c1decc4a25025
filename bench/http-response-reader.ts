/**
 * Reads HTTP/1.1 responses off one keep-alive connection, byte by byte as they arrive, without building any
 * object per response beyond its status: the body is skipped (by Content-Length, or chunk by chunk), never kept.
 * A load generator built on Node's http client spends more per request than a bare server does answering it,
 * and its garbage collections show in the latencies it measures; this one allocates next to nothing.
 */
export class HttpResponseReader {
  private head = '';
  private status = 0;
  /** Body bytes still to skip, with Content-Length. */
  private remaining = 0;
  private state: 'head' | 'body' | 'chunk-size' | 'chunk-data' | 'chunk-end' | 'trailer' = 'head';
  private line = '';

  /** Feeds what arrived; calls `onResponse(status)` once for each response it completes. */
  feed(data: Buffer, onResponse: (status: number) => void): void {
    let at = 0;
    while (at < data.length) {
      switch (this.state) {
        case 'head': {
          if (this.head === '') {
            const end = data.indexOf('\r\n\r\n', at, 'latin1');
            if (end < 0) {
              this.head = data.toString('latin1', at);
              return;
            }
            this.head = data.toString('latin1', at, end);
            at = end + 4;
          } else {
            // The blank line may straddle two reads: look again across the seam.
            const kept = this.head.length;
            const joined = this.head + data.toString('latin1', at);
            const end = joined.indexOf('\r\n\r\n');
            if (end < 0) {
              this.head = joined;
              return;
            }
            this.head = joined.slice(0, end);
            at += end + 4 - kept;
          }
          if (this.startBody()) this.complete(onResponse);
          break;
        }
        case 'body': {
          const take = Math.min(this.remaining, data.length - at);
          this.remaining -= take;
          at += take;
          if (this.remaining === 0) this.complete(onResponse);
          break;
        }
        case 'chunk-size':
        case 'chunk-end':
        case 'trailer': {
          const newline = data.indexOf(10, at);
          if (newline < 0) {
            this.line += data.toString('latin1', at);
            return;
          }
          const line = (this.line + data.toString('latin1', at, newline)).replace(/\r$/, '');
          this.line = '';
          at = newline + 1;
          this.afterLine(line, onResponse);
          break;
        }
        case 'chunk-data': {
          const take = Math.min(this.remaining, data.length - at);
          this.remaining -= take;
          at += take;
          if (this.remaining === 0) this.state = 'chunk-end';
          break;
        }
      }
    }
  }

  /** Reads the head kept; true when the response has no body to skip. */
  private startBody(): boolean {
    const head = this.head.toLowerCase();
    this.head = '';
    this.status = Number(head.slice(9, 12));
    if (/\r\ntransfer-encoding:[^\r]*chunked/.test(head)) {
      this.state = 'chunk-size';
      return false;
    }
    const length = /\r\ncontent-length:\s*(\d+)/.exec(head);
    this.state = 'body';
    this.remaining = length ? Number(length[1]) : 0;
    return this.remaining === 0;
  }

  private afterLine(line: string, onResponse: (status: number) => void): void {
    if (this.state === 'chunk-end') {
      this.state = 'chunk-size';
    } else if (this.state === 'chunk-size') {
      const size = Number.parseInt(line, 16);
      if (size > 0) {
        this.remaining = size;
        this.state = 'chunk-data';
      } else {
        this.state = 'trailer';
      }
    } else if (line === '') {
      this.complete(onResponse);
    }
  }

  private complete(onResponse: (status: number) => void): void {
    this.state = 'head';
    onResponse(this.status);
  }
}
