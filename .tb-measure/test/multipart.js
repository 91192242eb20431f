function multipart(fields, file) {
  const boundary = "----portalTest" + Math.random().toString(16).slice(2);
  const chunks = [];
  for (const [k, v] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r
Content-Disposition: form-data; name="${k}"\r
\r
${v}\r
`));
  }
  if (file !== void 0) {
    const type = file.type ?? "application/octet-stream";
    chunks.push(Buffer.from(`--${boundary}\r
Content-Disposition: form-data; name="file"; filename="${file.name}"\r
Content-Type: ${type}\r
\r
`));
    chunks.push(file.bytes, Buffer.from("\r\n"));
  }
  chunks.push(Buffer.from(`--${boundary}--\r
`));
  return { payload: Buffer.concat(chunks), headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}
export {
  multipart
};
//# sourceMappingURL=multipart.js.map
