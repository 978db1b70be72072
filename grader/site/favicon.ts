/**
 * The site's icon: three rising bars (zero to millions) on the accent colour. favicon.svg is what
 * pages link to; favicon.ico is the same picture as a 32 × 32 bitmap for whatever asks for
 * /favicon.ico by convention (a browser's first request to a server), so it is never a 404.
 */

const SIZE = 32;
const ACCENT = [0x0b, 0x5f, 0xce] as const; // RGB, the light theme's --accent
/** The bars, as [x, y, width, height] in the 32 × 32 square (y down), shared by both formats. */
const BARS = [[6, 19, 5, 7], [13.5, 13, 5, 13], [21, 6, 5, 20]] as const;

export const FAVICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${SIZE} ${SIZE}">` +
  `<rect width="${SIZE}" height="${SIZE}" rx="6" fill="#0b5fce"/>` +
  BARS.map(([x, y, w, h]) => `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="1" fill="#ffffff"/>`).join("") + `</svg>\n`;

function inBar(x: number, y: number): boolean {
  return BARS.some(([bx, by, w, h]) => x + 0.5 >= bx && x + 0.5 <= bx + w && y + 0.5 >= by && y + 0.5 <= by + h);
}

/** Outside the square's rounded corners (radius 6). */
function outsideCorner(x: number, y: number): boolean {
  const r = 6;
  const cx = x < r ? r : x >= SIZE - r ? SIZE - r : x + 0.5;
  const cy = y < r ? r : y >= SIZE - r ? SIZE - r : y + 0.5;
  return Math.hypot(x + 0.5 - cx, y + 0.5 - cy) > r;
}

/** An ICO file holding one 32-bit BMP image (ICONDIR, ICONDIRENTRY, BITMAPINFOHEADER, pixels, mask). */
export function faviconIco(): Buffer {
  const pixels = Buffer.alloc(SIZE * SIZE * 4);
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      const at = ((SIZE - 1 - y) * SIZE + x) * 4; // BMP rows run bottom-up, BGRA
      const [r, g, b] = inBar(x, y) ? [255, 255, 255] : ACCENT;
      pixels.set([b, g, r, outsideCorner(x, y) ? 0 : 255], at);
    }
  }
  const mask = Buffer.alloc((SIZE / 8) * SIZE); // all zero: the alpha channel decides
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(SIZE, 4);
  header.writeInt32LE(SIZE * 2, 8); // an icon's height counts the image and its mask
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  header.writeUInt32LE(pixels.length + mask.length, 20);
  const image = Buffer.concat([header, pixels, mask]);
  const dir = Buffer.alloc(6 + 16);
  dir.writeUInt16LE(1, 2); // type: icon
  dir.writeUInt16LE(1, 4); // one image
  dir.writeUInt8(SIZE, 6);
  dir.writeUInt8(SIZE, 7);
  dir.writeUInt16LE(1, 10); // colour planes
  dir.writeUInt16LE(32, 12); // bits per pixel
  dir.writeUInt32LE(image.length, 14);
  dir.writeUInt32LE(dir.length, 18);
  return Buffer.concat([dir, image]);
}
