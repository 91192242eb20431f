// The SMS port: what the portal sends, whichever provider carries it. Providers live beside this
// file; `createSms(config)` picks one from SMS_PROVIDER. The portal only ever names a template and
// its parameters; the provider maps the template to its own template id and signature.

/** The messages the portal sends. Each provider maps these to its own approved template ids. */
export type SmsTemplate =
  | 'verification_code' // params: { code, minutes }
  | 'notice' //            params: { text } (a claim, membership or share-order notice)

export interface SmsMessage {
  /** Mainland mobile number, 11 digits. */
  to: string
  template: SmsTemplate
  params: Record<string, string>
}

export interface SmsSender {
  /** Which provider this is (for logs and the start-up warning). */
  readonly provider: 'log' | 'aliyun' | 'tencent'
  /** Sends one message; rejects when the provider refuses it. */
  send: (message: SmsMessage) => Promise<void>
}
