// Which part a server process plays when WEB_CONCURRENCY > 1. The primary (src/cluster/primary.ts)
// tells each worker it forks through two environment variables, checked here.
import cluster from 'node:cluster'
import { z } from 'zod'

export type Role =
  | { kind: 'single' }
  | { kind: 'primary' }
  /** Owns every write: serves its share of the port and the writes readers forward to its socket. */
  | { kind: 'writer', socketPath: string }
  /** Answers GET and HEAD itself and forwards every other request to the writer. */
  | { kind: 'reader', socketPath: string }

export const ROLE_VAR = 'PORTAL_CLUSTER_ROLE'
export const SOCKET_VAR = 'PORTAL_WRITER_SOCKET'

const workerEnv = z.object({
  [ROLE_VAR]: z.enum(['writer', 'reader']),
  // A unix socket path (at most 107 bytes on Linux), absolute.
  [SOCKET_VAR]: z.string().startsWith('/').max(107)
})

export function roleOf (processes: number, env: NodeJS.ProcessEnv = process.env, isPrimary = cluster.isPrimary): Role {
  if (isPrimary) return processes > 1 ? { kind: 'primary' } : { kind: 'single' }
  const parsed = workerEnv.safeParse(env)
  if (!parsed.success) throw new Error(`cluster worker started without a valid ${ROLE_VAR}/${SOCKET_VAR}`)
  return { kind: parsed.data[ROLE_VAR], socketPath: parsed.data[SOCKET_VAR] }
}
