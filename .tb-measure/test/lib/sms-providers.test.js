import t from "tap";
import { loadConfig } from "../../src/config.js";
import { createSms } from "../../src/lib/sms/index.js";
import { createAliyunSms, aliyunClient } from "../../src/lib/sms/aliyun-provider.js";
import { createTencentSms, tencentClient } from "../../src/lib/sms/tencent-provider.js";
const ALIYUN_ENV = {
  NODE_ENV: "production",
  JWT_SECRET: "j".repeat(32),
  PII_KEY: "p".repeat(32),
  SMS_PROVIDER: "aliyun",
  ALIYUN_SMS_ACCESS_KEY_ID: "LTAI-test",
  ALIYUN_SMS_ACCESS_KEY_SECRET: "secret-test",
  ALIYUN_SMS_SIGN_NAME: "\u697C\u5B87\u5DE5\u4F1A",
  ALIYUN_SMS_TEMPLATE_CODE: "SMS_100001",
  ALIYUN_SMS_TEMPLATE_NOTICE: "SMS_100002"
};
const TENCENT_ENV = {
  NODE_ENV: "production",
  JWT_SECRET: "j".repeat(32),
  PII_KEY: "p".repeat(32),
  SMS_PROVIDER: "tencent",
  TENCENT_SMS_SECRET_ID: "AKID-test",
  TENCENT_SMS_SECRET_KEY: "key-test",
  TENCENT_SMS_SDK_APP_ID: "1400000001",
  TENCENT_SMS_SIGN_NAME: "\u697C\u5B87\u5DE5\u4F1A",
  TENCENT_SMS_TEMPLATE_CODE: "200001"
};
t.test("aliyun: the SendSms request carries the number, signature, template code and JSON parameters", async (t2) => {
  const settings = loadConfig(ALIYUN_ENV).smsAliyun;
  const sent = [];
  const fake = { sendSms: async (req) => {
    sent.push({ ...req });
    return { body: { code: "OK", bizId: "b-1" } };
  } };
  const sms = createAliyunSms(settings, fake);
  t2.equal(sms.provider, "aliyun");
  await sms.send({ to: "13912345678", template: "verification_code", params: { code: "042517", minutes: "10" } });
  await sms.send({ to: "13912345679", template: "notice", params: { text: "\u60A8\u7684\u7406\u8D54\u5DF2\u5BA1\u6838\u901A\u8FC7" } });
  t2.match(sent[0], { phoneNumbers: "13912345678", signName: "\u697C\u5B87\u5DE5\u4F1A", templateCode: "SMS_100001" });
  t2.same(JSON.parse(sent[0].templateParam), { code: "042517", minutes: "10" });
  t2.match(sent[1], { phoneNumbers: "13912345679", templateCode: "SMS_100002" });
  t2.same(JSON.parse(sent[1].templateParam), { text: "\u60A8\u7684\u7406\u8D54\u5DF2\u5BA1\u6838\u901A\u8FC7" });
});
t.test("aliyun: a refusal in the answer body rejects the send; a template not configured is refused before any call", async (t2) => {
  const settings = { ...loadConfig(ALIYUN_ENV).smsAliyun, templates: { verification_code: "SMS_1" } };
  let calls = 0;
  const refusing = { sendSms: async () => {
    calls++;
    return { body: { code: "isv.BUSINESS_LIMIT_CONTROL", message: "\u89E6\u53D1\u5206\u949F\u7EA7\u6D41\u63A7" } };
  } };
  await t2.rejects(createAliyunSms(settings, refusing).send({ to: "13912345678", template: "verification_code", params: { code: "1", minutes: "10" } }), /BUSINESS_LIMIT_CONTROL/);
  await t2.rejects(createAliyunSms(settings, refusing).send({ to: "13912345678", template: "notice", params: { text: "x" } }), /no template/);
  t2.equal(calls, 1);
});
t.test("tencent: the SendSms request carries the +86 number, application, signature, template id and ordered parameters", async (t2) => {
  const settings = loadConfig({ ...TENCENT_ENV, TENCENT_SMS_TEMPLATE_NOTICE: "200002" }).smsTencent;
  const sent = [];
  const fake = { SendSms: async (req) => {
    sent.push(req);
    return { SendStatusSet: [{ Code: "Ok" }] };
  } };
  const sms = createTencentSms(settings, fake);
  t2.equal(sms.provider, "tencent");
  await sms.send({ to: "13912345678", template: "verification_code", params: { minutes: "10", code: "042517" } });
  await sms.send({ to: "13912345679", template: "notice", params: { text: "\u901A\u77E5" } });
  t2.same(sent[0], { PhoneNumberSet: ["+8613912345678"], SmsSdkAppId: "1400000001", SignName: "\u697C\u5B87\u5DE5\u4F1A", TemplateId: "200001", TemplateParamSet: ["042517", "10"] });
  t2.same(sent[1].TemplateParamSet, ["\u901A\u77E5"]);
  t2.equal(sent[1].TemplateId, "200002");
  const refusing = { SendSms: async () => ({ SendStatusSet: [{ Code: "LimitExceeded.PhoneNumberDailyLimit", Message: "daily limit" }] }) };
  await t2.rejects(createTencentSms(settings, refusing).send({ to: "13912345678", template: "verification_code", params: { code: "1", minutes: "10" } }), /PhoneNumberDailyLimit/);
});
t.test("configuration: a provider without its variables stops the start, naming each missing one", async (t2) => {
  t2.throws(() => loadConfig({ ...ALIYUN_ENV, ALIYUN_SMS_ACCESS_KEY_SECRET: "", ALIYUN_SMS_SIGN_NAME: void 0 }), /ALIYUN_SMS_ACCESS_KEY_SECRET is required when SMS_PROVIDER=aliyun[\s\S]*ALIYUN_SMS_SIGN_NAME is required/);
  t2.throws(() => loadConfig({ ...TENCENT_ENV, TENCENT_SMS_SDK_APP_ID: void 0 }), /TENCENT_SMS_SDK_APP_ID is required when SMS_PROVIDER=tencent/);
  t2.throws(() => loadConfig({ ...TENCENT_ENV, NODE_ENV: "development", TENCENT_SMS_TEMPLATE_CODE: void 0 }), /TENCENT_SMS_TEMPLATE_CODE is required/);
  const c = loadConfig(TENCENT_ENV);
  t2.match(c.warnings.join("\n"), /TENCENT_SMS_TEMPLATE_NOTICE is not set/);
  t2.equal(c.smsTencent?.region, "ap-guangzhou");
});
t.test("createSms builds the SDK-backed senders from the configuration (no message sent)", async (t2) => {
  const a = loadConfig(ALIYUN_ENV);
  t2.equal(createSms(a).provider, "aliyun");
  t2.equal(typeof aliyunClient(a.smsAliyun).sendSms, "function", "the official SDK client");
  const c = loadConfig(TENCENT_ENV);
  t2.equal(createSms(c).provider, "tencent");
  t2.equal(typeof tencentClient(c.smsTencent).SendSms, "function", "the official SDK client");
});
//# sourceMappingURL=sms-providers.test.js.map
