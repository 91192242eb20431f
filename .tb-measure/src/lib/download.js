import { attachmentHeader } from "./csv.js";
function sendDocument(reply, doc, bytes) {
  return reply.header("content-type", doc.mime).header("content-disposition", attachmentHeader(doc.fileName)).header("x-content-type-options", "nosniff").header("cache-control", "private, no-store").send(bytes);
}
export {
  sendDocument
};
//# sourceMappingURL=download.js.map
