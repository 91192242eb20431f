import { badRequest } from "../../lib/errors.js";
async function readUpload(req) {
  if (!req.isMultipart()) throw badRequest({ file: "memberships.import.noFile" });
  const fields = {};
  let file;
  for await (const part of req.parts()) {
    if (part.type === "file") {
      const data = await part.toBuffer();
      if (part.file.truncated) throw badRequest({ file: "memberships.import.tooLarge" });
      if (file === void 0 && part.filename !== "") file = { name: part.filename, data };
    } else if (typeof part.value === "string") {
      fields[part.fieldname] = part.value;
    }
  }
  return { fields, file };
}
function importJson(imp, imports, repeated, base = "/api/v1/membership-imports") {
  const p = imports.progressOf(imp);
  return {
    id: imp.id,
    status: imp.status,
    repeated,
    enterpriseId: imp.enterpriseId,
    fileName: imp.fileName,
    totalRows: imp.totalRows,
    processed: p.processed,
    total: p.total,
    done: p.done,
    createdRows: imp.createdRows,
    duplicateRows: imp.duplicateRows,
    invalidRows: imp.invalidRows,
    errorReportUrl: imp.errorReport === null ? null : `${base}/${imp.id}/errors.csv`
  };
}
export {
  importJson,
  readUpload
};
//# sourceMappingURL=roster-upload.js.map
