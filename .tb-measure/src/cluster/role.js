import cluster from "node:cluster";
import { z } from "zod";
const ROLE_VAR = "PORTAL_CLUSTER_ROLE";
const SOCKET_VAR = "PORTAL_WRITER_SOCKET";
const workerEnv = z.object({
  [ROLE_VAR]: z.enum(["writer", "reader"]),
  // A unix socket path (at most 107 bytes on Linux), absolute.
  [SOCKET_VAR]: z.string().startsWith("/").max(107)
});
function roleOf(processes, env = process.env, isPrimary = cluster.isPrimary) {
  if (isPrimary) return processes > 1 ? { kind: "primary" } : { kind: "single" };
  const parsed = workerEnv.safeParse(env);
  if (!parsed.success) throw new Error(`cluster worker started without a valid ${ROLE_VAR}/${SOCKET_VAR}`);
  return { kind: parsed.data[ROLE_VAR], socketPath: parsed.data[SOCKET_VAR] };
}
export {
  ROLE_VAR,
  SOCKET_VAR,
  roleOf
};
//# sourceMappingURL=role.js.map
