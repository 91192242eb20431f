/** {{#if (eq a b)}} */
export default function eq (a: unknown, b: unknown): boolean {
  return String(a) === String(b)
}
