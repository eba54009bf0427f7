import { Transform } from 'node:stream';

/**
 * React 18's streaming renderer (react-dom 18.3.1, `writeStringChunk`) flushes its whole 2 KB
 * buffer when a multi-byte character does not fit in what is left of it, unused zero bytes
 * included. The browser shows each stray NUL as "�", in the middle of a Cyrillic name. A NUL
 * byte never occurs inside a UTF-8 sequence and never in text we mean to send, so dropping
 * every 0x00 byte from the rendered page repairs it without touching anything else.
 */
export function withoutNulBytes(): Transform {
  return new Transform({
    transform(chunk: Buffer | Uint8Array, _encoding, done) {
      const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
      if (!bytes.includes(0)) return done(null, bytes);
      const kept = Buffer.allocUnsafe(bytes.length);
      let length = 0;
      for (const byte of bytes) if (byte !== 0) kept[length++] = byte;
      done(null, kept.subarray(0, length));
    },
  });
}
