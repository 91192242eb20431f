import { z } from 'zod'
import { mobile, text } from '../../lib/validation.js'

/** At least 8 characters, not all digits (a phone number or birthday is not a password). */
export const password = () => z.string({ error: 'accounts.v.password' })
  .min(8, 'accounts.v.password').max(128, 'v.tooLong')
  .refine((p) => !/^\d+$/.test(p), 'accounts.v.password')

export const registerInput = z.object({
  phone: mobile(),
  password: password(),
  name: text(50)
})

export const signInInput = z.object({
  phone: mobile(),
  password: z.string({ error: 'v.required' }).min(1, 'v.required').max(128, 'v.tooLong')
})

export const changePasswordInput = z.object({
  currentPassword: z.string({ error: 'v.required' }).min(1, 'v.required').max(128, 'v.tooLong'),
  newPassword: password()
})

export const roleInput = z.enum(['member', 'staff', 'admin'], { error: 'v.invalidValue' })

/** A code from an SMS: six digits. */
export const smsCode = () => z.string({ error: 'v.required' }).trim().regex(/^\d{6}$/, 'accounts.code.format')

export const passwordResetInput = z.object({ phone: mobile() })

export const passwordResetConfirmInput = z.object({
  phone: mobile(),
  code: smsCode(),
  password: password()
})

export const phoneCodeInput = z.object({ code: smsCode() })
