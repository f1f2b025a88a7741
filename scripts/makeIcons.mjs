// Draws Lộ Trình's app icons by code (no image editor, no dependency): a white road winding up to a
// point on the teal of the app's theme. Writes PNGs for the web manifest (192, 512, a maskable 512
// with the motif inside the safe circle), the Apple touch icon and an SVG favicon into src/web/public.
// Run `node scripts/makeIcons.mjs` after changing the drawing; the files are committed.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const out = path.join(root, "src/web/public");
const TEAL = [9, 146, 104]; // Mantine teal.8, the app's heading colour
const ROAD = [
  [0.22, 0.86],
  [0.46, 0.6],
  [0.36, 0.42],
  [0.66, 0.24],
];
const GOAL = { x: 0.7, y: 0.21, r: 0.085 };
const WIDTH = 0.1;

function segmentDistance(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** 1 where the white motif is, at (x, y) in the unit square (after scaling by `scale` about the centre). */
function motif(x, y, scale) {
  const u = 0.5 + (x - 0.5) / scale;
  const v = 0.5 + (y - 0.5) / scale;
  if (Math.hypot(u - GOAL.x, v - GOAL.y) <= GOAL.r) return true;
  for (let i = 0; i + 1 < ROAD.length; i++)
    if (segmentDistance(u, v, ROAD[i], ROAD[i + 1]) <= WIDTH / 2) return true;
  return false;
}

/** Inside the icon's shape: a rounded square, or the full square for a maskable icon. */
function inside(x, y, radius) {
  const cx = Math.min(Math.max(x, radius), 1 - radius);
  const cy = Math.min(Math.max(y, radius), 1 - radius);
  return Math.hypot(x - cx, y - cy) <= radius;
}

function draw(size, { radius, scale }) {
  const px = Buffer.alloc(size * size * 4);
  const n = 4; // 4×4 samples per pixel for smooth edges
  for (let j = 0; j < size; j++)
    for (let i = 0; i < size; i++) {
      let shape = 0;
      let white = 0;
      for (let a = 0; a < n; a++)
        for (let b = 0; b < n; b++) {
          const x = (i + (a + 0.5) / n) / size;
          const y = (j + (b + 0.5) / n) / size;
          if (!inside(x, y, radius)) continue;
          shape++;
          if (motif(x, y, scale)) white++;
        }
      const o = (j * size + i) * 4;
      const w = shape ? white / shape : 0;
      for (let c = 0; c < 3; c++) px[o + c] = Math.round(TEAL[c] * (1 - w) + 255 * w);
      px[o + 3] = Math.round((255 * shape) / (n * n));
    }
  return png(size, px);
}

const CRC = new Int32Array(256).map((_, k) => {
  let c = k;
  for (let i = 0; i < 8; i++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});
function crc32(buf) {
  let c = -1;
  for (const byte of buf) c = CRC[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function png(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let j = 0; j < size; j++) rgba.copy(rows, j * (size * 4 + 1) + 1, j * size * 4, (j + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(rows, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function svg() {
  const pts = ROAD.map(([x, y]) => `${x * 64},${y * 64}`).join(" ");
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" role="img" aria-label="Lộ Trình"><rect width="64" height="64" rx="13" fill="rgb(${TEAL})"/><polyline points="${pts}" fill="none" stroke="#fff" stroke-width="${WIDTH * 64}" stroke-linecap="round" stroke-linejoin="round"/><circle cx="${GOAL.x * 64}" cy="${GOAL.y * 64}" r="${GOAL.r * 64}" fill="#fff"/></svg>\n`;
}

fs.mkdirSync(out, { recursive: true });
fs.writeFileSync(path.join(out, "icon-192.png"), draw(192, { radius: 0.2, scale: 1 }));
fs.writeFileSync(path.join(out, "icon-512.png"), draw(512, { radius: 0.2, scale: 1 }));
// maskable: the platform cuts its own shape; the motif stays inside the central 80 % circle
fs.writeFileSync(path.join(out, "icon-maskable-512.png"), draw(512, { radius: 0, scale: 0.72 }));
fs.writeFileSync(path.join(out, "apple-touch-icon.png"), draw(180, { radius: 0, scale: 0.85 }));
fs.writeFileSync(path.join(out, "favicon.svg"), svg());
console.log(`icons written to ${path.relative(root, out)}`);
