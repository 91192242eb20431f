// Passwords are hashed with scrypt (node:crypto, run on the thread pool) and a random salt.
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto'

const N = 16384
// The test configuration (NODE_ENV=test) hashes with a 16× smaller work factor: test worlds make
// hundreds of users, ~39 ms each at full cost. Each hash records its own N, so verification
// follows whatever made it, and nothing outside tests ever runs the cheap cost.
const TEST_N = 1024
let cost = N

/** Called by the app when its configuration is the test one (src/plugins/core.ts). */
export function useTestPasswordCost (): void { cost = TEST_N }

const R = 8
const P = 1
const KEYLEN = 32

function scrypt (password: string, salt: Buffer, keylen: number, opts: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scryptCb(password, salt, keylen, opts, (err, key) => { if (err !== null) reject(err); else resolve(key) })
  })
}

export async function hashPassword (password: string): Promise<string> {
  const salt = randomBytes(16)
  const key = await scrypt(password, salt, KEYLEN, { N: cost, r: R, p: P })
  return `scrypt$${cost}$${R}$${P}$${salt.toString('base64')}$${key.toString('base64')}`
}

export async function verifyPassword (password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$')
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false
  const [, n, r, p, salt, hash] = parts
  const expected = Buffer.from(hash, 'base64')
  const key = await scrypt(password, Buffer.from(salt, 'base64'), expected.length, { N: Number(n), r: Number(r), p: Number(p) })
  return timingSafeEqual(key, expected)
}

/** A hash to verify against when the phone is unknown, so timing does not tell who exists. */
export const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA='
