// Large CommonJS packages that only some requests need (ExcelJS, the SMS providers' SDKs, the QR
// code writer) are loaded on their first use, not when the server starts: together they were
// ~850 of the 1,500 modules the app loaded at start-up, about half its start time and tens of MB
// of memory that a portal logging its SMS locally and never asked for a spreadsheet never uses.
// (The first spreadsheet a process writes pays ExcelJS's loading, ~0.3 s, once.)
import { createRequire } from 'node:module'
import type * as ExcelJS from 'exceljs'

const load = createRequire(import.meta.url)

/** `require(id)` on the first call, the same module after. */
export function lazyRequire<T> (id: string): () => T {
  let mod: T | undefined
  return () => (mod ??= load(id) as T)
}

/** ExcelJS (reading uploads, writing exports and bank files). */
export const exceljs = lazyRequire<typeof ExcelJS>('exceljs')
