// Parse Mermaid files with Mermaid's own parser and print what it read, as a JSON
// list with one entry per file. Usage: node parse.mjs FOLDER_WITH_NODE_MODULES FILE...
// The folder needs the npm packages `mermaid` and `jsdom` (Mermaid wants a DOM).
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

const load = createRequire(path.join(path.resolve(process.argv[2]), "package.json"));
const { JSDOM } = load("jsdom");
const dom = new JSDOM("<!DOCTYPE html><body></body>");
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const { default: mermaid } = await import(pathToFileURL(load.resolve("mermaid")).href);

async function parse(file) {
  const text = fs.readFileSync(file, "utf8");
  try {
    await mermaid.parse(text);
    const { db } = await mermaid.mermaidAPI.getDiagramFromText(text);
    return {
      errors: [],
      direction: db.getDirection(),
      nodes: Object.fromEntries(
        [...db.getVertices().values()].map((v) => [
          v.id,
          { text: v.text, shape: v.type, classes: v.classes },
        ]),
      ),
      edges: db.getEdges().map((e) => [e.start, e.end, e.type, e.stroke]),
      classes: [...db.getClasses().keys()],
    };
  } catch (e) {
    return { errors: [String((e && e.message) || e)] };
  }
}

const out = [];
for (const file of process.argv.slice(3)) out.push(await parse(file));
process.stdout.write(JSON.stringify(out));
