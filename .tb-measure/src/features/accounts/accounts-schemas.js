import { z } from "zod";
import { mobile, text } from "../../lib/validation.js";
const password = () => z.string({ error: "accounts.v.password" }).min(8, "accounts.v.password").max(128, "v.tooLong").refine((p) => !/^\d+$/.test(p), "accounts.v.password");
const registerInput = z.object({
  phone: mobile(),
  password: password(),
  name: text(50)
});
const signInInput = z.object({
  phone: mobile(),
  password: z.string({ error: "v.required" }).min(1, "v.required").max(128, "v.tooLong")
});
const changePasswordInput = z.object({
  currentPassword: z.string({ error: "v.required" }).min(1, "v.required").max(128, "v.tooLong"),
  newPassword: password()
});
const roleInput = z.enum(["member", "staff", "admin"], { error: "v.invalidValue" });
const smsCode = () => z.string({ error: "v.required" }).trim().regex(/^\d{6}$/, "accounts.code.format");
const passwordResetInput = z.object({ phone: mobile() });
const passwordResetConfirmInput = z.object({
  phone: mobile(),
  code: smsCode(),
  password: password()
});
const phoneCodeInput = z.object({ code: smsCode() });
export {
  changePasswordInput,
  password,
  passwordResetConfirmInput,
  passwordResetInput,
  phoneCodeInput,
  registerInput,
  roleInput,
  signInInput,
  smsCode
};
//# sourceMappingURL=accounts-schemas.js.map
