// Personal data at rest: resident ID numbers and claim documents are encrypted with
// AES-256-GCM; ID numbers are found by a keyed hash (HMAC-SHA256). Both keys are derived
// from PII_KEY with HKDF, so one secret configures both and neither is the secret itself.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto'

const VERSION = 'v1'

export interface Pii {
  encrypt: (plain: string) => string
  decrypt: (token: string) => string
  encryptBuffer: (plain: Buffer) => Buffer
  decryptBuffer: (sealed: Buffer) => Buffer
  hash: (value: string) => string
}

export function createPii (piiKey: string): Pii {
  const derive = (info: string): Buffer => Buffer.from(hkdfSync('sha256', piiKey, 'building-union-portal', info, 32))
  const encKey = derive('aes-256-gcm:v1')
  const macKey = derive('hmac-sha256:v1')

  const seal = (plain: Buffer): Buffer => {
    const iv = randomBytes(12)
    const cipher = createCipheriv('aes-256-gcm', encKey, iv)
    const body = Buffer.concat([cipher.update(plain), cipher.final()])
    return Buffer.concat([iv, cipher.getAuthTag(), body])
  }
  const open = (sealed: Buffer): Buffer => {
    const decipher = createDecipheriv('aes-256-gcm', encKey, sealed.subarray(0, 12))
    decipher.setAuthTag(sealed.subarray(12, 28))
    return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()])
  }
  return {
    encrypt: (plain) => `${VERSION}:${seal(Buffer.from(plain, 'utf8')).toString('base64')}`,
    decrypt: (token) => {
      const [version, data] = token.split(':')
      if (version !== VERSION || data === undefined) throw new Error('unknown PII ciphertext version')
      return open(Buffer.from(data, 'base64')).toString('utf8')
    },
    encryptBuffer: seal,
    decryptBuffer: open,
    hash: (value) => createHmac('sha256', macKey).update(value).digest('hex')
  }
}
