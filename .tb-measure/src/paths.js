import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
function findRoot(from) {
  let dir = from;
  while (!existsSync(join(dir, "package.json"))) {
    const up = dirname(dir);
    if (up === dir) throw new Error("package.json not found above " + from);
    dir = up;
  }
  return dir;
}
const projectRoot = findRoot(dirname(fileURLToPath(import.meta.url)));
const templatesDir = join(projectRoot, "templates");
const migrationsDir = join(projectRoot, "migrations");
const publicDir = join(projectRoot, "public");
export {
  migrationsDir,
  projectRoot,
  publicDir,
  templatesDir
};
//# sourceMappingURL=paths.js.map
