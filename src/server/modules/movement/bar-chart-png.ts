import { crc32, deflateSync } from 'node:zlib';

/**
 * A plain bar chart as a PNG (no native chart engine is available to the server): one bar per value,
 * tallest = full height, in the city palette. Reports always put the data table next to it, which
 * carries the labels and numbers (and is the accessible alternative).
 */
export function barChartPng(values: readonly number[], options: { width?: number; height?: number } = {}): Buffer {
  const width = options.width ?? 640;
  const height = options.height ?? 320;
  const pixels = Buffer.alloc(width * height * 3, 255);
  const paint = (x0: number, y0: number, x1: number, y1: number, [r, g, b]: [number, number, number]) => {
    for (let y = Math.max(0, y0); y < Math.min(height, y1); y++) {
      for (let x = Math.max(0, x0); x < Math.min(width, x1); x++) {
        const i = (y * width + x) * 3;
        pixels[i] = r;
        pixels[i + 1] = g;
        pixels[i + 2] = b;
      }
    }
  };
  const margin = 24;
  paint(margin, height - margin, width - margin, height - margin + 2, [60, 60, 60]); // axis
  const max = Math.max(1, ...values);
  const slot = (width - 2 * margin) / Math.max(1, values.length);
  const palette: Array<[number, number, number]> = [
    [0, 94, 162],
    [0, 133, 92],
    [201, 121, 0],
    [139, 26, 26],
  ];
  values.forEach((value, i) => {
    const barHeight = Math.round(((height - 2 * margin) * value) / max);
    const x0 = Math.round(margin + i * slot + slot * 0.15);
    const x1 = Math.round(margin + (i + 1) * slot - slot * 0.15);
    paint(x0, height - margin - barHeight, x1, height - margin, palette[i % palette.length]!);
  });
  // PNG: signature, IHDR, one IDAT (each row prefixed with filter byte 0), IEND.
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) pixels.copy(raw, y * (width * 3 + 1) + 1, y * width * 3, (y + 1) * width * 3);
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(2, 9); // truecolour RGB
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
