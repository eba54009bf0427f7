// Photos from phones carry where and when they were taken (EXIF GPS, XMP, IPTC). A family's or a
// facilitator's photo must never tell anyone where the family lives (DESIGN.md, "Privacy and
// safety"), so every stored image goes through here first. The picture itself is copied byte for
// byte; only metadata segments are dropped. A JPEG keeps its orientation (else a phone's portrait
// photo shows sideways), rewritten as a minimal EXIF block with nothing else in it.

const JPEG_APP1 = 0xe1; // EXIF and XMP
const JPEG_APP13 = 0xed; // Photoshop / IPTC (may hold a place name)
const JPEG_COMMENT = 0xfe;
const JPEG_START_OF_SCAN = 0xda;
const EXIF_HEADER = [0x45, 0x78, 0x69, 0x66, 0, 0]; // "Exif\0\0"

/** PNG chunks that may carry text, a time or EXIF; none is needed to draw the picture. */
const PNG_METADATA_CHUNKS = new Set(['eXIf', 'tEXt', 'zTXt', 'iTXt', 'tIME']);

/** The EXIF orientation (1–8) of an APP1 segment's payload, if it has one. */
function exifOrientation(payload: Uint8Array): number | null {
  if (!EXIF_HEADER.every((byte, i) => payload[i] === byte)) return null;
  const tiff = payload.subarray(6);
  if (tiff.length < 8) return null;
  const little = tiff[0] === 0x49 && tiff[1] === 0x49;
  const big = tiff[0] === 0x4d && tiff[1] === 0x4d;
  if (!little && !big) return null;
  const view = new DataView(tiff.buffer, tiff.byteOffset, tiff.byteLength);
  const u16 = (at: number) => view.getUint16(at, little);
  const ifd = view.getUint32(4, little);
  if (ifd + 2 > tiff.length) return null;
  const count = u16(ifd);
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > tiff.length) return null;
    if (u16(entry) === 0x0112) {
      const value = u16(entry + 8);
      return value >= 1 && value <= 8 ? value : null;
    }
  }
  return null;
}

/** An APP1 segment holding only the orientation: big-endian TIFF, one IFD, one entry. */
function orientationSegment(orientation: number): number[] {
  const tiff = [
    0x4d,
    0x4d,
    0x00,
    0x2a,
    0x00,
    0x00,
    0x00,
    0x08, // header, IFD0 at 8
    0x00,
    0x01, // one entry
    0x01,
    0x12,
    0x00,
    0x03,
    0x00,
    0x00,
    0x00,
    0x01,
    0x00,
    orientation,
    0x00,
    0x00, // SHORT
    0x00,
    0x00,
    0x00,
    0x00, // no next IFD
  ];
  const length = 2 + EXIF_HEADER.length + tiff.length;
  return [0xff, JPEG_APP1, length >> 8, length & 0xff, ...EXIF_HEADER, ...tiff];
}

function stripJpeg(bytes: Uint8Array): Uint8Array {
  const out: number[] = [0xff, 0xd8];
  const chunks: Uint8Array[] = [];
  let orientation: number | null = null;
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) break; // not a marker: the file is broken; keep what was read
    const marker = bytes[at + 1]!;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    if (marker === JPEG_START_OF_SCAN) {
      chunks.push(bytes.subarray(at)); // the picture and everything after it, unchanged
      break;
    }
    const length = (bytes[at + 2]! << 8) | bytes[at + 3]!;
    if (length < 2 || at + 2 + length > bytes.length) break;
    const segment = bytes.subarray(at, at + 2 + length);
    if (marker === JPEG_APP1) {
      orientation ??= exifOrientation(segment.subarray(4));
    } else if (marker !== JPEG_APP13 && marker !== JPEG_COMMENT) {
      chunks.push(segment);
    }
    at += 2 + length;
  }
  if (orientation && orientation !== 1) out.push(...orientationSegment(orientation));
  const head = Uint8Array.from(out);
  const total = head.length + chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  const result = new Uint8Array(total);
  result.set(head, 0);
  let offset = head.length;
  for (const chunk of chunks) {
    result.set(chunk, offset);
    offset += chunk.length;
  }
  return result;
}

function stripPng(bytes: Uint8Array): Uint8Array {
  const kept: Uint8Array[] = [bytes.subarray(0, 8)];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 8;
  while (at + 12 <= bytes.length) {
    const length = view.getUint32(at);
    const end = at + 12 + length;
    if (end > bytes.length) break;
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    if (!PNG_METADATA_CHUNKS.has(type)) kept.push(bytes.subarray(at, end));
    at = end;
    if (type === 'IEND') break;
  }
  const result = new Uint8Array(kept.reduce((sum, chunk) => sum + chunk.length, 0));
  let offset = 0;
  for (const chunk of kept) {
    result.set(chunk, offset);
    offset += chunk.length;
  }
  return result;
}

/**
 * The image without its location, time or text metadata. Other types (PDF) come back unchanged.
 * Never throws: a broken file keeps only the parts read before the break, so nothing unchecked
 * is ever copied.
 */
export function withoutImageMetadata(bytes: Uint8Array): Uint8Array {
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return stripJpeg(bytes);
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47)
    return stripPng(bytes);
  return bytes;
}
