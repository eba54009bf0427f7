import { describe, expect, it } from 'vitest';
import { withoutImageMetadata } from '~/utils/image-metadata.server';

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));
const segment = (marker: number, payload: number[]) => {
  const length = payload.length + 2;
  return [0xff, marker, length >> 8, length & 0xff, ...payload];
};

/** A little-endian EXIF block with an orientation entry and a GPS-looking string after it. */
function exifPayload(orientation: number, secret: string) {
  const tiff = [
    0x49,
    0x49,
    0x2a,
    0x00,
    0x08,
    0x00,
    0x00,
    0x00,
    0x01,
    0x00,
    0x12,
    0x01,
    0x03,
    0x00,
    0x01,
    0x00,
    0x00,
    0x00,
    orientation,
    0x00,
    0x00,
    0x00,
    0x00,
    0x00,
    0x00,
    0x00,
    ...ascii(secret),
  ];
  return [...ascii('Exif'), 0, 0, ...tiff];
}

const scan = [0xff, 0xda, 0x00, 0x08, 1, 2, 3, 4, 5, 6, 0x11, 0x22, 0x33, 0xff, 0xd9];

function jpeg(...segments: number[][]) {
  return Uint8Array.from([0xff, 0xd8, ...segments.flat(), ...scan]);
}

const contains = (bytes: Uint8Array, text: string) =>
  Buffer.from(bytes).includes(Buffer.from(text, 'latin1'));

describe('withoutImageMetadata', () => {
  it('drops EXIF, XMP, IPTC and comments from a JPEG but keeps the picture byte for byte', () => {
    const input = jpeg(
      segment(0xe0, [...ascii('JFIF'), 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]),
      segment(0xe1, exifPayload(1, 'GPS 42.87N 74.59E')),
      segment(0xe1, ascii('http://ns.adobe.com/xap/1.0/ <exif:GPSLatitude>42,52N')),
      segment(0xed, ascii('Photoshop 3.0 Kochkor village')),
      segment(0xfe, ascii('taken at the family home')),
      segment(0xdb, [0, ...Array(64).fill(1)]),
    );
    const output = withoutImageMetadata(input);
    for (const secret of ['GPS 42.87N', 'GPSLatitude', 'Kochkor', 'family home'])
      expect(contains(output, secret)).toBe(false);
    expect(contains(output, 'JFIF')).toBe(true);
    expect(Buffer.from(output).subarray(-scan.length)).toEqual(Buffer.from(scan));
    expect(output[0]).toBe(0xff);
    expect(output[1]).toBe(0xd8);
  });

  it("keeps a phone photo's orientation as a minimal EXIF block, so portraits stay upright", () => {
    const output = withoutImageMetadata(jpeg(segment(0xe1, exifPayload(6, 'GPS 42.87N'))));
    expect(contains(output, 'GPS')).toBe(false);
    // SOI, then APP1 "Exif\0\0" MM … tag 0x0112 SHORT value 6.
    expect([...output.subarray(0, 4)]).toEqual([0xff, 0xd8, 0xff, 0xe1]);
    expect(contains(output, 'Exif')).toBe(true);
    const at = Buffer.from(output).indexOf(Buffer.from([0x01, 0x12, 0x00, 0x03]));
    expect(at).toBeGreaterThan(0);
    expect(output[at + 9]).toBe(6);
  });

  it('drops text, time and EXIF chunks from a PNG and keeps the image chunks', () => {
    const chunk = (type: string, data: number[]) => {
      const length = data.length;
      return [0, 0, length >> 8, length & 0xff, ...ascii(type), ...data, 0, 0, 0, 0];
    };
    const input = Uint8Array.from([
      0x89,
      0x50,
      0x4e,
      0x47,
      0x0d,
      0x0a,
      0x1a,
      0x0a,
      ...chunk('IHDR', Array(13).fill(0)),
      ...chunk('tEXt', ascii('Location\0Naryn')),
      ...chunk('eXIf', ascii('MM GPS')),
      ...chunk('IDAT', [9, 9, 9]),
      ...chunk('IEND', []),
    ]);
    const output = withoutImageMetadata(input);
    expect(contains(output, 'Naryn')).toBe(false);
    expect(contains(output, 'GPS')).toBe(false);
    expect(contains(output, 'IHDR')).toBe(true);
    expect(contains(output, 'IDAT')).toBe(true);
    expect(contains(output, 'IEND')).toBe(true);
  });

  it('never throws on a broken file and copies nothing it could not read', () => {
    const broken = Uint8Array.from([0xff, 0xd8, 0xff, 0xe1, 0xff, 0xff, ...ascii('GPS secret')]);
    const output = withoutImageMetadata(broken);
    expect(contains(output, 'GPS')).toBe(false);
    expect(withoutImageMetadata(Uint8Array.from([0xff, 0xd8]))).toHaveLength(2);
    const pdf = Uint8Array.from(ascii('%PDF-1.4 …'));
    expect(withoutImageMetadata(pdf)).toBe(pdf);
  });
});
