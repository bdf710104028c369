// The installable app's icons (manifest.webmanifest): a white house on Linli's blue, drawn
// pixel by pixel and written as PNG, so the icons are reproducible without an image tool.
// Run by hand when the design changes: `node scripts/icons.mjs`; the PNGs are committed.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';

const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'public');

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([len, body, crc]);
}

function icon(size) {
  const blue = [9, 88, 217];
  const white = [255, 255, 255];
  const rows = [];
  for (let y = 0; y < size; y += 1) {
    const row = Buffer.alloc(1 + size * 3);
    for (let x = 0; x < size; x += 1) {
      const u = x / size;
      const v = y / size;
      // A roof (a triangle from 0.2 to 0.45 high) over a body (0.45 to 0.8), a door cut out.
      const roof = v >= 0.2 && v < 0.47 && Math.abs(u - 0.5) <= (v - 0.2) * 1.3;
      const body = v >= 0.45 && v <= 0.8 && u >= 0.27 && u <= 0.73;
      const door = v >= 0.6 && v <= 0.8 && u >= 0.44 && u <= 0.56;
      const c = (roof || body) && !door ? white : blue;
      row.set(c, 1 + x * 3);
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // truecolour
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

for (const size of [192, 512]) writeFileSync(join(out, `icon-${size}.png`), icon(size));
