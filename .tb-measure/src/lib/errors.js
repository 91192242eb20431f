const fieldError = (key, params) => ({ key, params });
class AppError extends Error {
  constructor(statusCode, code, messageKey, params = {}, fields) {
    super(code);
    this.statusCode = statusCode;
    this.code = code;
    this.messageKey = messageKey;
    this.params = params;
    this.fields = fields;
  }
}
const badRequest = (fields, messageKey = "error.invalidInput") => new AppError(400, "INVALID_INPUT", messageKey, {}, fields);
const unauthorized = (code = "UNAUTHORIZED", messageKey = "error.unauthorized") => new AppError(401, code, messageKey);
const forbidden = (messageKey = "error.forbidden") => new AppError(403, "FORBIDDEN", messageKey);
const notFound = (messageKey = "error.notFound") => new AppError(404, "NOT_FOUND", messageKey);
const conflict = (code, messageKey, fields) => new AppError(409, code, messageKey, {}, fields);
const ruleRefused = (code, messageKey, params = {}) => new AppError(422, code, messageKey, params);
const stateChanged = () => conflict("STATE_CHANGED", "error.stateChanged");
function isUniqueViolation(err, index) {
  const e = err;
  const unique = e?.code === "SQLITE_CONSTRAINT_UNIQUE" || e?.code === "SQLITE_CONSTRAINT_PRIMARYKEY";
  return unique && (index === void 0 || (e?.message ?? "").includes(index));
}
export {
  AppError,
  badRequest,
  conflict,
  fieldError,
  forbidden,
  isUniqueViolation,
  notFound,
  ruleRefused,
  stateChanged,
  unauthorized
};
//# sourceMappingURL=errors.js.map
