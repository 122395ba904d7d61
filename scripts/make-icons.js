#!/usr/bin/env node
/**
 * Draws the add-in icons (assets/icon-16.png … icon-80.png) without any image library: shapes are
 * rendered with 4×4 supersampling and written as RGBA PNGs with node's zlib. Run with
 * `npm run icons`; the outputs are committed.
 *
 * The picture: a rounded blue tile (Fluent brand blue) holding a white pay sheet with three rows
 * and a gold coin at its lower right.
 */
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const SIZES = [16, 32, 64, 80];
const OUT = path.join(__dirname, '..', 'assets');

const BLUE = [15, 108, 189];
const WHITE = [255, 255, 255];
const LINE = [15, 108, 189];
const GOLD = [242, 183, 5];
const GOLD_DARK = [196, 140, 0];

/** Signed distance to a rounded rectangle (negative inside), in unit coordinates. */
function roundedRect(x, y, x0, y0, x1, y1, r) {
  const cx = Math.max(x0 + r, Math.min(x, x1 - r));
  const cy = Math.max(y0 + r, Math.min(y, y1 - r));
  const inside = x >= x0 && x <= x1 && y >= y0 && y <= y1;
  const d = Math.hypot(x - cx, y - cy) - r;
  return inside ? Math.min(d, 0) : Math.max(d, 0.0001);
}

/** The colour at a point of the unit square, or null for transparent. */
function shade(x, y) {
  let c = null;
  if (roundedRect(x, y, 0.02, 0.02, 0.98, 0.98, 0.18) <= 0) c = BLUE;
  if (roundedRect(x, y, 0.2, 0.16, 0.74, 0.84, 0.05) <= 0) {
    c = WHITE;
    for (const ly of [0.34, 0.5, 0.66]) if (Math.abs(y - ly) < 0.035 && x > 0.28 && x < 0.66) c = LINE;
  }
  const d = Math.hypot(x - 0.72, y - 0.74);
  if (d < 0.2) c = d > 0.16 ? GOLD_DARK : GOLD;
  return c;
}

function render(size) {
  const ss = 4;
  const px = Buffer.alloc(size * size * 4);
  for (let j = 0; j < size; j++) {
    for (let i = 0; i < size; i++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sj = 0; sj < ss; sj++) {
        for (let si = 0; si < ss; si++) {
          const c = shade((i + (si + 0.5) / ss) / size, (j + (sj + 0.5) / ss) / size);
          if (!c) continue;
          r += c[0]; g += c[1]; b += c[2]; a += 1;
        }
      }
      const o = (j * size + i) * 4;
      const n = ss * ss;
      if (a > 0) {
        px[o] = Math.round(r / a);
        px[o + 1] = Math.round(g / a);
        px[o + 2] = Math.round(b / a);
      }
      px[o + 3] = Math.round((255 * a) / n);
    }
  }
  return px;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** Encodes RGBA pixels as a PNG (colour type 6, 8 bits, no interlace, filter 0 on every row). */
function png(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

fs.mkdirSync(OUT, { recursive: true });
for (const size of SIZES) {
  const file = path.join(OUT, `icon-${size}.png`);
  fs.writeFileSync(file, png(size, render(size)));
  console.log(`${path.relative(process.cwd(), file)}  ${size}×${size}`);
}
