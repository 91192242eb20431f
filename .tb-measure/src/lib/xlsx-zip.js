import { Readable } from "node:stream";
import { createInflateRaw } from "node:zlib";
class XlsxReadError extends Error {
  constructor(reason) {
    super(reason);
    this.reason = reason;
  }
}
const unreadable = () => new XlsxReadError("unreadable");
const MAX_XML_RUN = 1024 * 1024;
const END_OF_DIRECTORY = Buffer.from([80, 75, 5, 6]);
function zipDirectory(data) {
  const end = data.lastIndexOf(END_OF_DIRECTORY);
  if (end === -1 || end < data.length - 22 - 65535 || end + 22 > data.length) throw unreadable();
  const count = data.readUInt16LE(end + 10);
  let p = data.readUInt32LE(end + 16);
  const parts = /* @__PURE__ */ new Map();
  for (let i = 0; i < count; i++) {
    if (data.readUInt32LE(p) !== 33639248) throw unreadable();
    const nameLength = data.readUInt16LE(p + 28);
    if (p + 46 + nameLength > data.length) throw unreadable();
    const name = data.toString("utf8", p + 46, p + 46 + nameLength);
    if (!parts.has(name)) {
      parts.set(name, {
        name,
        flags: data.readUInt16LE(p + 8),
        method: data.readUInt16LE(p + 10),
        compressedSize: data.readUInt32LE(p + 20),
        size: data.readUInt32LE(p + 24),
        localHeader: data.readUInt32LE(p + 42)
      });
    }
    p += 46 + nameLength + data.readUInt16LE(p + 30) + data.readUInt16LE(p + 32);
  }
  return parts;
}
function zipData(data, part) {
  if ((part.flags & 1) !== 0 || part.method !== 0 && part.method !== 8 || part.size === 4294967295 || part.compressedSize === 4294967295) throw unreadable();
  const at = part.localHeader;
  if (data.readUInt32LE(at) !== 67324752) throw unreadable();
  const start = at + 30 + data.readUInt16LE(at + 26) + data.readUInt16LE(at + 28);
  if (start + part.compressedSize > data.length) throw unreadable();
  return data.subarray(start, start + part.compressedSize);
}
function zipStream(data, parts, onFailure) {
  async function* bytes() {
    try {
      for (const p of parts) {
        yield localHeader(p.part.name, p.part.size);
        let n = 0;
        let run = 0;
        let held = null;
        for await (const chunk of partBytes(data, p.part)) {
          n += chunk.length;
          if (n > p.part.size || n > p.limit) throw unreadable();
          if (p.guard) {
            const last = chunk.lastIndexOf(60);
            run = last === -1 ? run + chunk.length : chunk.length - 1 - last;
            if (run > MAX_XML_RUN) throw unreadable();
          }
          const buf = held === null ? chunk : Buffer.concat([held, chunk]);
          const whole = buf.length - cutCharacter(buf);
          held = whole < buf.length ? Buffer.from(buf.subarray(whole)) : null;
          if (whole > 0) yield buf.subarray(0, whole);
        }
        if (held !== null) yield held;
        if (n !== p.part.size) throw unreadable();
      }
      const end = Buffer.alloc(22);
      END_OF_DIRECTORY.copy(end);
      yield end;
    } catch (err) {
      onFailure(err);
    }
  }
  const stream = Readable.from(bytes(), { objectMode: false });
  stream.on("error", () => {
  });
  return stream;
}
function cutCharacter(b) {
  for (let i = 1; i <= 3 && i <= b.length; i++) {
    const byte = b[b.length - i];
    if ((byte & 192) === 128) continue;
    if (byte < 192) return 0;
    const length = byte >= 240 ? 4 : byte >= 224 ? 3 : 2;
    return length > i ? i : 0;
  }
  return 0;
}
async function* partBytes(data, part) {
  const raw = zipData(data, part);
  if (part.method === 0) {
    for (let i = 0; i < raw.length; i += 64 * 1024) yield raw.subarray(i, i + 64 * 1024);
    return;
  }
  const inflate = createInflateRaw();
  inflate.end(raw);
  try {
    for await (const chunk of inflate) yield chunk;
  } finally {
    inflate.destroy();
  }
}
function localHeader(name, size) {
  const nameBytes = Buffer.from(name, "utf8");
  const header = Buffer.alloc(30);
  header.writeUInt32LE(67324752, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(2048, 6);
  header.writeUInt32LE(size, 18);
  header.writeUInt32LE(size, 22);
  header.writeUInt16LE(nameBytes.length, 26);
  return Buffer.concat([header, nameBytes]);
}
export {
  XlsxReadError,
  unreadable,
  zipDirectory,
  zipStream
};
//# sourceMappingURL=xlsx-zip.js.map
