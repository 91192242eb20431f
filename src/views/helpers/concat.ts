/** {{t (concat "status." status)}} */
export default function concat (...args: unknown[]): string {
  return args.slice(0, -1).map((a) => (a === undefined || a === null ? '' : String(a))).join('')
}
