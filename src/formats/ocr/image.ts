/**
 * Pixel work for OCR, on plain RGBA buffers: find the ruling lines of tables (long runs of
 * dark pixels), and paint them white so the recogniser reads the text between them instead
 * of mistaking borders for characters.
 */
import type { Segment } from '../pdf/layout.js';

export interface Raster {
  width: number;
  height: number;
  /** RGBA, 4 bytes a pixel */
  data: Uint8ClampedArray;
}

function darkMask(img: Raster, threshold = 160): Uint8Array {
  const { width, height, data } = img;
  const dark = new Uint8Array(width * height);
  for (let i = 0; i < width * height; i++) {
    const l = 0.299 * data[i * 4]! + 0.587 * data[i * 4 + 1]! + 0.114 * data[i * 4 + 2]!;
    dark[i] = l < threshold ? 1 : 0;
  }
  return dark;
}

interface Run {
  at: number;
  from: number;
  to: number;
}

/** Runs of dark pixels at least `min` long along rows (h) or columns (v); gaps of 2 px are bridged. */
function runs(dark: Uint8Array, width: number, height: number, axis: 'h' | 'v', min: number): Run[] {
  const out: Run[] = [];
  const outer = axis === 'h' ? height : width;
  const inner = axis === 'h' ? width : height;
  const at = (o: number, k: number): number => (axis === 'h' ? dark[o * width + k]! : dark[k * width + o]!);
  // a rule has paper on both sides; a run inside a shaded or dithered area does not
  const filledBeside = (o: number, from: number, to: number): boolean => {
    // beyond a thick rule's own body, at the spacings of common dither patterns
    for (const side of [o - 5, o + 5, o - 6, o + 6, o - 7, o + 7, o - 8, o + 8]) {
      if (side < 0 || side >= outer) continue;
      let n = 0;
      for (let k = from; k < to; k++) n += at(side, k);
      if (n > (to - from) * 0.4) return true;
    }
    return false;
  };
  for (let o = 0; o < outer; o++) {
    let k = 0;
    while (k < inner) {
      if (!at(o, k)) {
        k++;
        continue;
      }
      let e = k;
      let gap = 0;
      while (e < inner && gap <= 2) {
        gap = at(o, e) ? 0 : gap + 1;
        e++;
      }
      const end = e - gap;
      if (end - k >= min && !filledBeside(o, k, end)) out.push({ at: o, from: k, to: end });
      k = e;
    }
  }
  return out;
}

/** Adjacent runs (a line a few pixels thick) become one segment through their middle. */
function merge(rs: Run[], axis: 'h' | 'v'): Segment[] {
  const open: { first: number; last: number; from: number; to: number }[] = [];
  const done: { first: number; last: number; from: number; to: number }[] = [];
  for (const r of rs) {
    const hit = open.find((o) => r.at - o.last <= 1 && r.from < o.to && o.from < r.to);
    if (hit) {
      hit.last = r.at;
      hit.from = Math.min(hit.from, r.from);
      hit.to = Math.max(hit.to, r.to);
    } else open.push({ first: r.at, last: r.at, from: r.from, to: r.to });
    for (let i = open.length - 1; i >= 0; i--) {
      if (r.at - open[i]!.last > 1) done.push(...open.splice(i, 1));
    }
  }
  done.push(...open);
  return done
    .filter((d) => d.last - d.first <= 8) // thicker than a rule is a filled area, not a line
    .map((d) => {
      const mid = (d.first + d.last) / 2;
      return axis === 'h' ? { x1: d.from, y1: mid, x2: d.to, y2: mid } : { x1: mid, y1: d.from, x2: mid, y2: d.to };
    });
}

/** Ruling lines in pixel coordinates, and the image with them painted white. */
export function removeRules(img: Raster): { segments: Segment[]; cleaned: Raster } {
  const { width, height } = img;
  const dark = darkMask(img);
  const min = Math.max(40, Math.round(Math.min(width, height) * 0.04));
  const hr = runs(dark, width, height, 'h', min);
  const vr = runs(dark, width, height, 'v', min);
  const data = new Uint8ClampedArray(img.data);
  const white = (x: number, y: number): void => {
    if (x < 0 || y < 0 || x >= width || y >= height) return;
    const i = (y * width + x) * 4;
    data[i] = data[i + 1] = data[i + 2] = 255;
  };
  // paint each run and a pixel either side: scanned rules are a few pixels thick and fuzzy
  for (const r of hr) for (let x = r.from - 1; x <= r.to; x++) for (let d = -2; d <= 2; d++) white(x, r.at + d);
  for (const r of vr) for (let y = r.from - 1; y <= r.to; y++) for (let d = -2; d <= 2; d++) white(r.at + d, y);
  return { segments: [...merge(hr, 'h'), ...merge(vr, 'v')], cleaned: { width, height, data } };
}

/** The bounding box of the ink inside a box (inset to skip what is left of its borders), or null if it is empty. */
export function inkBox(img: Raster, box: [number, number, number, number], inset = 4): [number, number, number, number] | null {
  const x0 = Math.max(0, Math.round(box[0]) + inset);
  const y0 = Math.max(0, Math.round(box[1]) + inset);
  const x1 = Math.min(img.width, Math.round(box[2]) - inset);
  const y1 = Math.min(img.height, Math.round(box[3]) - inset);
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -1;
  let maxY = -1;
  let count = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * img.width + x) * 4;
      if (0.299 * img.data[i]! + 0.587 * img.data[i + 1]! + 0.114 * img.data[i + 2]! < 128) {
        count++;
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
        if (y < minY) minY = y;
        if (y > maxY) maxY = y;
      }
    }
  }
  if (count < 6) return null;
  return [minX, minY, maxX + 1, maxY + 1];
}

/** A copy of part of the image with white padding around it. */
export function crop(img: Raster, box: [number, number, number, number], pad = 10): Raster {
  const [x0, y0, x1, y1] = box;
  const w = x1 - x0;
  const h = y1 - y0;
  const width = w + 2 * pad;
  const height = h + 2 * pad;
  const data = new Uint8ClampedArray(width * height * 4).fill(255);
  for (let dy = 0; dy < h; dy++) {
    const src = ((y0 + dy) * img.width + x0) * 4;
    data.set(img.data.subarray(src, src + w * 4), ((pad + dy) * width + pad) * 4);
  }
  return { width, height, data };
}

