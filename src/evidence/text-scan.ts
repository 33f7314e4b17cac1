import { TextDecoder } from 'node:util';

/**
 * Follows a stream chunk by chunk and tells whether all of it was valid UTF-8 and whether
 * it held a NUL byte: the sniffer judges text on the first bytes only, this on every byte.
 */
export class TextScan {
  private decoder: TextDecoder | null = new TextDecoder('utf-8', { fatal: true });
  private nul = false;

  push(chunk: Uint8Array): void {
    if (!this.nul && chunk.includes(0)) this.nul = true;
    if (!this.decoder) return;
    try {
      this.decoder.decode(chunk, { stream: true });
    } catch {
      this.decoder = null;
    }
  }

  /** Call once, at the end of the stream. */
  finish(): { utf8: boolean; nul: boolean } {
    let utf8 = this.decoder !== null;
    if (this.decoder) {
      try {
        this.decoder.decode(); // a character cut off at the very end is invalid
      } catch {
        utf8 = false;
      }
      this.decoder = null;
    }
    return { utf8, nul: this.nul };
  }
}

/** Whether content with this scan meets what the sniffer asked of the whole of it. */
export function meetsTextRequirement(requires: 'utf8' | 'no_nul' | undefined, scan: { utf8: boolean; nul: boolean }): boolean {
  if (requires === 'utf8') return scan.utf8 && !scan.nul;
  if (requires === 'no_nul') return !scan.nul;
  return true;
}
