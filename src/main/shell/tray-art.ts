// The tray icon set, drawn in code so that every size is crisp and the set
// can be checked: one glyph per tray state, told apart by shape (not colour
// alone), anti-aliased by supersampling signed distances. Writes PNG (and a
// Windows .ico of PNGs) with Node's zlib; no native image library.
import { deflateSync, inflateSync } from 'node:zlib';
import type { TrayStateName } from '../hub/desktop/tray-state';

/** Straight (not premultiplied) RGBA, row by row. */
export interface Bitmap {
  width: number;
  height: number;
  pixels: Uint8Array;
}

type Rgb = readonly [number, number, number];

/** The colours of the coloured set: GitHub Primer's, legible on light and dark taskbars. */
export const stateColours: Record<TrayStateName, Rgb> = {
  passing: [0x1a, 0x7f, 0x37],
  running: [0x09, 0x69, 0xda],
  failing: [0xcf, 0x22, 0x2e],
  approval: [0x82, 0x50, 0xdf],
  offline: [0x6e, 0x77, 0x81],
  'sign-in': [0xbc, 0x4c, 0x00],
  idle: [0x6e, 0x77, 0x81],
};

/** A shape as a signed distance in icon units (the icon is 16 × 16): negative inside. */
type Shape = (x: number, y: number) => number;

const circle =
  (cx: number, cy: number, r: number): Shape =>
  (x, y) =>
    Math.hypot(x - cx, y - cy) - r;
const ring = (cx: number, cy: number, r: number, width: number): Shape => {
  const c = circle(cx, cy, r);
  return (x, y) => Math.abs(c(x, y)) - width / 2;
};
/** A stroke from (ax, ay) to (bx, by) with round caps. */
const segment =
  (ax: number, ay: number, bx: number, by: number, width: number): Shape =>
  (x, y) => {
    const [px, py, dx, dy] = [x - ax, y - ay, bx - ax, by - ay];
    const t = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy)));
    return Math.hypot(px - dx * t, py - dy * t) - width / 2;
  };
const union =
  (...shapes: Shape[]): Shape =>
  (x, y) =>
    Math.min(...shapes.map((s) => s(x, y)));
const subtract =
  (a: Shape, b: Shape): Shape =>
  (x, y) =>
    Math.max(a(x, y), -b(x, y));
/** A regular polygon (e.g. 8 sides: a stop sign), its vertices on radius r, one edge flat on top. */
const polygon = (cx: number, cy: number, r: number, sides: number): Shape => {
  const apothem = r * Math.cos(Math.PI / sides);
  return (x, y) => {
    let d = -Infinity;
    for (let i = 0; i < sides; i++) {
      const angle = (2 * Math.PI * i) / sides;
      d = Math.max(d, (x - cx) * Math.cos(angle) + (y - cy) * Math.sin(angle) - apothem);
    }
    return d;
  };
};
/** A pie slice of a disc: from angle a0 to a1 (radians, clockwise from 12 o'clock). */
const pie = (cx: number, cy: number, r: number, a0: number, a1: number): Shape => {
  const disc = circle(cx, cy, r);
  return (x, y) => {
    let angle = Math.atan2(x - cx, -(y - cy));
    if (angle < 0) angle += 2 * Math.PI;
    return angle >= a0 && angle <= a1 ? disc(x, y) : Math.max(disc(x, y), 0.5);
  };
};

const c = 8;
const stroke = 1.9;
const cutout = 1.7;

/** One glyph per state; shapes differ so that a template (one-colour) icon still tells them apart. */
export const glyphs: Record<TrayStateName, Shape> = {
  // A disc with a check cut out.
  passing: subtract(circle(c, c, 7), union(segment(4.6, 8.2, 7, 10.6, cutout), segment(7, 10.6, 11.4, 5.8, cutout))),
  // A ring with the first three quarters filled: work in progress.
  running: union(ring(c, c, 6.1, stroke), pie(c, c, 4.3, 0, 1.5 * Math.PI)),
  // An octagon (a stop sign) with a cross cut out.
  failing: subtract(
    polygon(c, c, 7.6, 8),
    union(segment(5.4, 5.4, 10.6, 10.6, cutout), segment(10.6, 5.4, 5.4, 10.6, cutout)),
  ),
  // A ring holding an exclamation mark, with a badge dot: something waits for you.
  approval: union(
    subtract(ring(7, 9, 5.6, stroke), circle(13, 3, 3.6)),
    circle(13, 3, 2.6),
    segment(7, 6.3, 7, 9.6, 1.9),
    circle(7, 12.1, 1.1),
  ),
  // A ring struck through: cannot reach the providers.
  offline: union(
    subtract(ring(c, c, 6.1, stroke), segment(2.5, 13.5, 13.5, 2.5, 3.6)),
    segment(2.6, 13.4, 13.4, 2.6, stroke),
  ),
  // A key: an account needs a sign-in.
  'sign-in': union(
    ring(5.2, 10.8, 3.2, stroke),
    segment(7.5, 8.5, 13.6, 2.4, stroke),
    segment(11.2, 4.8, 13.2, 6.8, stroke),
    segment(12.9, 3.1, 14.6, 4.8, stroke),
  ),
  // An empty ring: nothing to show yet.
  idle: ring(c, c, 6.1, stroke),
};

const samples = 4;

/** Renders a glyph at `size` pixels (16 = 1x, 32 = 2x) in one colour, anti-aliased. */
export function renderGlyph(state: TrayStateName, size: number, colour: Rgb): Bitmap {
  const shape = glyphs[state];
  const pixels = new Uint8Array(size * size * 4);
  const scale = 16 / size;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let covered = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) * scale;
          const y = (py + (sy + 0.5) / samples) * scale;
          if (shape(x, y) <= 0) covered++;
        }
      }
      const i = (py * size + px) * 4;
      pixels[i] = colour[0];
      pixels[i + 1] = colour[1];
      pixels[i + 2] = colour[2];
      pixels[i + 3] = Math.round((covered / (samples * samples)) * 255);
    }
  }
  return { width: size, height: size, pixels };
}

/** The file names of a state's icons: coloured and macOS template (black + alpha), at 1x and 2x. */
export function iconFiles(state: TrayStateName): { file: string; size: number; template: boolean }[] {
  return [
    { file: `tray-${state}.png`, size: 16, template: false },
    { file: `tray-${state}@2x.png`, size: 32, template: false },
    { file: `tray-${state}Template.png`, size: 16, template: true },
    { file: `tray-${state}Template@2x.png`, size: 32, template: true },
  ];
}

export function renderIcon(state: TrayStateName, size: number, template: boolean): Bitmap {
  return renderGlyph(state, size, template ? [0, 0, 0] : stateColours[state]);
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (crcTable[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** An 8-bit RGBA PNG, every row unfiltered. */
export function encodePng(bitmap: Bitmap): Buffer {
  const { width, height, pixels } = bitmap;
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const rows = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    rows[y * (width * 4 + 1)] = 0;
    rows.set(pixels.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1);
  }
  return Buffer.concat([
    pngSignature,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', new Uint8Array()),
  ]);
}

/** Reads back a PNG this module wrote (RGBA, unfiltered rows); anything else throws. */
export function decodePng(png: Buffer): Bitmap {
  if (!png.subarray(0, 8).equals(pngSignature)) throw new Error('not a PNG');
  let offset = 8;
  let width = 0;
  let height = 0;
  const data: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('ascii', offset + 4, offset + 8);
    const body = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      if (body[8] !== 8 || body[9] !== 6) throw new Error('not 8-bit RGBA');
    } else if (type === 'IDAT') data.push(body);
    offset += 12 + length;
  }
  const rows = inflateSync(Buffer.concat(data));
  const pixels = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    if (rows[y * (width * 4 + 1)] !== 0) throw new Error('filtered rows are not supported');
    pixels.set(rows.subarray(y * (width * 4 + 1) + 1, (y + 1) * (width * 4 + 1)), y * width * 4);
  }
  return { width, height, pixels };
}

/** A Windows .ico holding PNG images (Vista and later read these). */
export function encodeIco(images: Bitmap[]): Buffer {
  const pngs = images.map(encodePng);
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map((image, i) => {
    const entry = Buffer.alloc(16);
    entry[0] = image.width >= 256 ? 0 : image.width;
    entry[1] = image.height >= 256 ? 0 : image.height;
    entry.writeUInt16LE(1, 4);
    entry.writeUInt16LE(32, 6);
    entry.writeUInt32LE(pngs[i]?.length ?? 0, 8);
    entry.writeUInt32LE(offset, 12);
    offset += pngs[i]?.length ?? 0;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...pngs]);
}

/** A contact sheet: every state in rows, at 1x and 2x, coloured and template, on light and dark, scaled up 4×. */
export function contactSheet(states: readonly TrayStateName[]): Bitmap {
  const zoom = 4;
  const cell = 32 * zoom + 16;
  const columns = 8; // light: 1x, 2x, template 1x, template 2x; then the same on dark
  const width = columns * cell;
  const height = states.length * cell;
  const pixels = new Uint8Array(width * height * 4);
  const backgrounds: Rgb[] = [
    [0xf6, 0xf8, 0xfa],
    [0x24, 0x29, 0x2f],
  ];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const bg = backgrounds[x < width / 2 ? 0 : 1] ?? [0, 0, 0];
      pixels.set([bg[0], bg[1], bg[2], 255], (y * width + x) * 4);
    }
  }
  states.forEach((state, row) => {
    const variants = iconFiles(state);
    for (let col = 0; col < columns; col++) {
      const variant = variants[col % 4];
      if (!variant) continue;
      const dark = col >= 4;
      // A template icon is drawn black; macOS shows it white on a dark menu bar.
      const colour: Rgb = variant.template ? (dark ? [255, 255, 255] : [0, 0, 0]) : stateColours[state];
      const icon = renderGlyph(state, variant.size, colour);
      const scale = (32 * zoom) / variant.size;
      const left = col * cell + 8;
      const top = row * cell + 8;
      for (let y = 0; y < 32 * zoom; y++) {
        for (let x = 0; x < 32 * zoom; x++) {
          const si = (Math.floor(y / scale) * icon.width + Math.floor(x / scale)) * 4;
          const alpha = (icon.pixels[si + 3] ?? 0) / 255;
          const di = ((top + y) * width + left + x) * 4;
          for (let k = 0; k < 3; k++) {
            pixels[di + k] = Math.round((icon.pixels[si + k] ?? 0) * alpha + (pixels[di + k] ?? 0) * (1 - alpha));
          }
        }
      }
    }
  });
  return { width, height, pixels };
}
