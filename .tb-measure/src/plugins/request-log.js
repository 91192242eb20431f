import { LogController } from "fastify";
const refusals = /* @__PURE__ */ new WeakMap();
function noteRefusal(req, code) {
  refusals.set(req, code);
}
class OneLinePerRequest extends LogController {
  incomingRequest() {
  }
  requestCompleted(error, req, reply) {
    const code = refusals.get(req);
    const line = { method: req.method, url: req.url.split("?", 1)[0], statusCode: reply.statusCode, ms: Math.round(reply.elapsedTime * 10) / 10, ...code === void 0 ? {} : { code } };
    if (error !== null && error !== void 0) reply.log.error({ ...line, err: error }, "request errored");
    else reply.log.info(line, "request");
  }
}
export {
  OneLinePerRequest,
  noteRefusal
};
//# sourceMappingURL=request-log.js.map
