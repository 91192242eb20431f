// The real SMS providers, without the network: a fake SDK client stands where the SDK's own
// client would, and each test checks the request the provider built (number, signature,
// template id, parameters) and how a refusal is reported.
import t from 'tap'
import { loadConfig } from '../../src/config.js'
import { createSms } from '../../src/lib/sms/index.js'
import { createAliyunSms, aliyunClient, type AliyunSmsClient } from '../../src/lib/sms/aliyun-provider.js'
import { createTencentSms, tencentClient, type TencentSmsClient, type TencentSendSmsRequest } from '../../src/lib/sms/tencent-provider.js'

const ALIYUN_ENV = {
  NODE_ENV: 'production', JWT_SECRET: 'j'.repeat(32), PII_KEY: 'p'.repeat(32), SMS_PROVIDER: 'aliyun',
  ALIYUN_SMS_ACCESS_KEY_ID: 'LTAI-test', ALIYUN_SMS_ACCESS_KEY_SECRET: 'secret-test', ALIYUN_SMS_SIGN_NAME: '楼宇工会',
  ALIYUN_SMS_TEMPLATE_CODE: 'SMS_100001', ALIYUN_SMS_TEMPLATE_NOTICE: 'SMS_100002'
}
const TENCENT_ENV = {
  NODE_ENV: 'production', JWT_SECRET: 'j'.repeat(32), PII_KEY: 'p'.repeat(32), SMS_PROVIDER: 'tencent',
  TENCENT_SMS_SECRET_ID: 'AKID-test', TENCENT_SMS_SECRET_KEY: 'key-test', TENCENT_SMS_SDK_APP_ID: '1400000001',
  TENCENT_SMS_SIGN_NAME: '楼宇工会', TENCENT_SMS_TEMPLATE_CODE: '200001'
}

t.test('aliyun: the SendSms request carries the number, signature, template code and JSON parameters', async (t) => {
  const settings = loadConfig(ALIYUN_ENV).smsAliyun!
  const sent: Array<Record<string, unknown>> = []
  const fake: AliyunSmsClient = { sendSms: async (req) => { sent.push({ ...req }); return { body: { code: 'OK', bizId: 'b-1' } } } }
  const sms = createAliyunSms(settings, fake)
  t.equal(sms.provider, 'aliyun')
  await sms.send({ to: '13912345678', template: 'verification_code', params: { code: '042517', minutes: '10' } })
  await sms.send({ to: '13912345679', template: 'notice', params: { text: '您的理赔已审核通过' } })
  t.match(sent[0], { phoneNumbers: '13912345678', signName: '楼宇工会', templateCode: 'SMS_100001' })
  t.same(JSON.parse(sent[0].templateParam as string), { code: '042517', minutes: '10' })
  t.match(sent[1], { phoneNumbers: '13912345679', templateCode: 'SMS_100002' })
  t.same(JSON.parse(sent[1].templateParam as string), { text: '您的理赔已审核通过' })
})

t.test('aliyun: a refusal in the answer body rejects the send; a template not configured is refused before any call', async (t) => {
  const settings = { ...loadConfig(ALIYUN_ENV).smsAliyun!, templates: { verification_code: 'SMS_1' } }
  let calls = 0
  const refusing: AliyunSmsClient = { sendSms: async () => { calls++; return { body: { code: 'isv.BUSINESS_LIMIT_CONTROL', message: '触发分钟级流控' } } } }
  await t.rejects(createAliyunSms(settings, refusing).send({ to: '13912345678', template: 'verification_code', params: { code: '1', minutes: '10' } }), /BUSINESS_LIMIT_CONTROL/)
  await t.rejects(createAliyunSms(settings, refusing).send({ to: '13912345678', template: 'notice', params: { text: 'x' } }), /no template/)
  t.equal(calls, 1)
})

t.test('tencent: the SendSms request carries the +86 number, application, signature, template id and ordered parameters', async (t) => {
  const settings = loadConfig({ ...TENCENT_ENV, TENCENT_SMS_TEMPLATE_NOTICE: '200002' }).smsTencent!
  const sent: TencentSendSmsRequest[] = []
  const fake: TencentSmsClient = { SendSms: async (req) => { sent.push(req); return { SendStatusSet: [{ Code: 'Ok' }] } } }
  const sms = createTencentSms(settings, fake)
  t.equal(sms.provider, 'tencent')
  await sms.send({ to: '13912345678', template: 'verification_code', params: { minutes: '10', code: '042517' } })
  await sms.send({ to: '13912345679', template: 'notice', params: { text: '通知' } })
  t.same(sent[0], { PhoneNumberSet: ['+8613912345678'], SmsSdkAppId: '1400000001', SignName: '楼宇工会', TemplateId: '200001', TemplateParamSet: ['042517', '10'] })
  t.same(sent[1].TemplateParamSet, ['通知'])
  t.equal(sent[1].TemplateId, '200002')
  const refusing: TencentSmsClient = { SendSms: async () => ({ SendStatusSet: [{ Code: 'LimitExceeded.PhoneNumberDailyLimit', Message: 'daily limit' }] }) }
  await t.rejects(createTencentSms(settings, refusing).send({ to: '13912345678', template: 'verification_code', params: { code: '1', minutes: '10' } }), /PhoneNumberDailyLimit/)
})

t.test('configuration: a provider without its variables stops the start, naming each missing one', async (t) => {
  t.throws(() => loadConfig({ ...ALIYUN_ENV, ALIYUN_SMS_ACCESS_KEY_SECRET: '', ALIYUN_SMS_SIGN_NAME: undefined }), /ALIYUN_SMS_ACCESS_KEY_SECRET is required when SMS_PROVIDER=aliyun[\s\S]*ALIYUN_SMS_SIGN_NAME is required/)
  t.throws(() => loadConfig({ ...TENCENT_ENV, TENCENT_SMS_SDK_APP_ID: undefined }), /TENCENT_SMS_SDK_APP_ID is required when SMS_PROVIDER=tencent/)
  t.throws(() => loadConfig({ ...TENCENT_ENV, NODE_ENV: 'development', TENCENT_SMS_TEMPLATE_CODE: undefined }), /TENCENT_SMS_TEMPLATE_CODE is required/)
  const c = loadConfig(TENCENT_ENV)
  t.match(c.warnings.join('\n'), /TENCENT_SMS_TEMPLATE_NOTICE is not set/)
  t.equal(c.smsTencent?.region, 'ap-guangzhou')
})

t.test('createSms builds the SDK-backed senders from the configuration (no message sent)', async (t) => {
  const a = loadConfig(ALIYUN_ENV)
  t.equal(createSms(a).provider, 'aliyun')
  t.equal(typeof aliyunClient(a.smsAliyun!).sendSms, 'function', 'the official SDK client')
  const c = loadConfig(TENCENT_ENV)
  t.equal(createSms(c).provider, 'tencent')
  t.equal(typeof tencentClient(c.smsTencent!).SendSms, 'function', 'the official SDK client')
})
