import { fenToYuanString } from '../../domain/money.js'

/** {{yuan fen}} → 1234.50 (for form values). */
export default function yuan (fen: unknown): string {
  return typeof fen === 'number' ? fenToYuanString(fen) : ''
}
