import { AppError } from "../../lib/errors.js";
async function readUpload(req) {
  if (!req.isMultipart()) throw new AppError(400, "INVALID_INPUT", "claims.doc.multipart", {}, { file: "claims.doc.multipart" });
  const fields = {};
  let file;
  try {
    for await (const part of req.parts()) {
      if (part.type === "file") {
        if (file !== void 0 || part.fieldname !== "file") {
          part.file.resume();
          continue;
        }
        file = { fileName: part.filename, bytes: await part.toBuffer() };
      } else if (typeof part.value === "string") {
        fields[part.fieldname] = part.value;
      }
    }
  } catch (err) {
    const code = err.code;
    if (code === "FST_REQ_FILE_TOO_LARGE") throw new AppError(413, "FILE_TOO_LARGE", "claims.doc.tooLarge", {}, { file: "claims.doc.tooLarge" });
    throw err;
  }
  const kind = req.query?.kind;
  if (fields.kind === void 0 && typeof kind === "string") fields.kind = kind;
  return { fields, file };
}
async function eachUploadedFile(req, onFile) {
  if (!req.isMultipart()) throw new AppError(400, "INVALID_INPUT", "claims.doc.multipart", {}, { file: "claims.doc.multipart" });
  const fields = {};
  const kind = req.query?.kind;
  if (typeof kind === "string") fields.kind = kind;
  let n = 0;
  try {
    for await (const part of req.parts()) {
      if (part.type === "file") {
        const bytes = await part.toBuffer();
        if (part.fieldname !== "file" || bytes.length === 0 && part.filename === "") continue;
        onFile({ ...fields }, { fileName: part.filename, bytes });
        n++;
      } else if (typeof part.value === "string") {
        fields[part.fieldname] = part.value;
      }
    }
  } catch (err) {
    const code = err.code;
    if (code === "FST_REQ_FILE_TOO_LARGE") throw new AppError(413, "FILE_TOO_LARGE", "claims.doc.tooLarge", {}, { file: "claims.doc.tooLarge" });
    if (code === "FST_FILES_LIMIT") throw new AppError(400, "INVALID_INPUT", "claims.doc.tooMany", {}, { file: "claims.doc.tooMany" });
    throw err;
  }
  return n;
}
export {
  eachUploadedFile,
  readUpload
};
//# sourceMappingURL=upload.js.map
