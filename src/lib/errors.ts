// Typed errors: a code, an HTTP status, a message key (translated in one place, see
// plugins/errors.ts) and, for invalid input, a message per field.

/** A field's message: an i18n key, or a key with the values for its {placeholders}. */
export type FieldError = string | { key: string, params: Record<string, string | number> }
export interface FieldErrors { [field: string]: FieldError }

/** A field message with placeholders, e.g. fieldError('memberships.import.tooManyRows', { max }). */
export const fieldError = (key: string, params: Record<string, string | number>): FieldError => ({ key, params })

export class AppError extends Error {
  constructor (
    readonly statusCode: number,
    readonly code: string,
    /** i18n key; params fill {placeholders}. */
    readonly messageKey: string,
    readonly params: Record<string, string | number> = {},
    /** Field → i18n key (already-translated text is passed through unchanged). */
    readonly fields?: FieldErrors
  ) {
    super(code)
  }
}

export const badRequest = (fields: FieldErrors, messageKey = 'error.invalidInput'): AppError =>
  new AppError(400, 'INVALID_INPUT', messageKey, {}, fields)
export const unauthorized = (code = 'UNAUTHORIZED', messageKey = 'error.unauthorized'): AppError =>
  new AppError(401, code, messageKey)
export const forbidden = (messageKey = 'error.forbidden'): AppError => new AppError(403, 'FORBIDDEN', messageKey)
export const notFound = (messageKey = 'error.notFound'): AppError => new AppError(404, 'NOT_FOUND', messageKey)
export const conflict = (code: string, messageKey: string, fields?: FieldErrors): AppError =>
  new AppError(409, code, messageKey, {}, fields)
/** A business rule refused it: the code is the rule's code (NO_COVER_LEFT, LATE, …). */
export const ruleRefused = (code: string, messageKey: string, params: Record<string, string | number> = {}): AppError =>
  new AppError(422, code, messageKey, params)

/** The row moved on between the read and the guarded write (another request, or a race). */
export const stateChanged = (): AppError => conflict('STATE_CHANGED', 'error.stateChanged')

/**
 * A UNIQUE or PRIMARY KEY violation (two requests raced past the look-up to the same row);
 * with `index`, only one whose message names that index or table.
 */
export function isUniqueViolation (err: unknown, index?: string): boolean {
  const e = err as { code?: string, message?: string } | null
  const unique = e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  return unique && (index === undefined || (e?.message ?? '').includes(index))
}
