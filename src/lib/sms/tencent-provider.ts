// Tencent Cloud SMS (短信, API 2021-01-11) through its official SDK. The SDK client is the only
// thing that talks to the network; tests hand in a fake one and check the request it is given.
import type * as TencentCloud from 'tencentcloud-sdk-nodejs-sms'
import type { TencentSmsSettings } from '../../config.js'
import type { SmsMessage, SmsSender, SmsTemplate } from './port.js'
import { lazyRequire } from '../lazy-require.js'

// The SDK (CommonJS) is loaded only when the portal is configured to send through Tencent Cloud.
const tencentcloud = lazyRequire<typeof TencentCloud>('tencentcloud-sdk-nodejs-sms')

type SdkClient = InstanceType<typeof TencentCloud.sms.v20210111.Client>
export type TencentSendSmsRequest = Parameters<SdkClient['SendSms']>[0]

/** What the provider needs of the SDK client: one call. */
export interface TencentSmsClient {
  SendSms: (request: TencentSendSmsRequest) => Promise<{ SendStatusSet?: Array<{ Code?: string, Message?: string }> }>
}

export function tencentClient (settings: TencentSmsSettings): TencentSmsClient {
  const Client = tencentcloud().sms.v20210111.Client
  return new Client({
    credential: { secretId: settings.secretId, secretKey: settings.secretKey },
    region: settings.region,
    profile: { httpProfile: { endpoint: 'sms.tencentcloudapi.com' } }
  })
}

/** Tencent templates take their parameters in order ({1}, {2}, …), not by name. */
const PARAM_ORDER: Record<SmsTemplate, string[]> = {
  verification_code: ['code', 'minutes'],
  notice: ['text']
}

/** The SDK request for one message: +86 number, application, signature, template id, parameters in order. */
export function tencentRequest (settings: TencentSmsSettings, message: SmsMessage): TencentSendSmsRequest | null {
  const templateId = settings.templates[message.template]
  if (templateId === undefined) return null
  return {
    PhoneNumberSet: [`+86${message.to}`],
    SmsSdkAppId: settings.sdkAppId,
    SignName: settings.signName,
    TemplateId: templateId,
    TemplateParamSet: PARAM_ORDER[message.template].map((k) => message.params[k] ?? '')
  }
}

export function createTencentSms (settings: TencentSmsSettings, client: TencentSmsClient = tencentClient(settings)): SmsSender {
  return {
    provider: 'tencent',
    async send (message: SmsMessage): Promise<void> {
      const request = tencentRequest(settings, message)
      if (request === null) throw new Error(`tencent SMS: no template configured for ${message.template}`)
      const answer = await client.SendSms(request)
      // One status per number: only "Ok" means the message was accepted.
      const status = answer.SendStatusSet?.[0]
      if (status?.Code !== 'Ok') throw new Error(`tencent SMS refused: ${status?.Code ?? 'no status'} ${status?.Message ?? ''}`.trim())
    }
  }
}
