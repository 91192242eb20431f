import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createHash, randomUUID } from "node:crypto";
import { dirname, join, resolve, sep } from "node:path";
import { DOCUMENT_KINDS } from "../../domain/claim-documents.js";
function sniffFileType(bytes) {
  if (bytes.length >= 5 && bytes.subarray(0, 5).toString("latin1") === "%PDF-") return { mime: "application/pdf", ext: "pdf" };
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]))) return { mime: "image/png", ext: "png" };
  if (bytes.length >= 3 && bytes[0] === 255 && bytes[1] === 216 && bytes[2] === 255) return { mime: "image/jpeg", ext: "jpg" };
  return null;
}
function safeFileName(original, type, kind) {
  const base = (original ?? "").split(/[\\/]/).pop() ?? "";
  const stem = base.replace(/\.[^.]*$/, "").replace(/[\u0000-\u001f\u007f"<>|:*?]/g, "").trim().slice(0, 80);
  return `${stem === "" ? kind : stem}.${type.ext}`;
}
function sha256(bytes) {
  return createHash("sha256").update(bytes).digest("hex");
}
function storeEncrypted(uploadDir, pii, claimId, bytes, folder = "claims") {
  const rel = join(folder, String(claimId), `${randomUUID()}.bin`);
  const full = join(uploadDir, rel);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, pii.encryptBuffer(bytes), { mode: 384 });
  return rel;
}
function inside(uploadDir, rel) {
  const root = resolve(uploadDir);
  const full = resolve(root, rel);
  if (!full.startsWith(root + sep)) throw new Error("document path outside the upload directory");
  return full;
}
function readDecrypted(uploadDir, pii, rel) {
  return pii.decryptBuffer(readFileSync(inside(uploadDir, rel)));
}
function removeStored(uploadDir, rel) {
  rmSync(inside(uploadDir, rel), { force: true });
}
export {
  DOCUMENT_KINDS,
  readDecrypted,
  removeStored,
  safeFileName,
  sha256,
  sniffFileType,
  storeEncrypted
};
//# sourceMappingURL=documents.js.map
