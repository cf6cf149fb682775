// Parse an Argdown file with Argdown's own parser and print its statements and
// relations as JSON. Usage: node parse.cjs FOLDER_WITH_NODE_MODULES FILE
const path = require("path");
const fs = require("fs");
const { createRequire } = require("module");
const load = createRequire(path.join(path.resolve(process.argv[2]), "package.json"));
const { ArgdownApplication, ParserPlugin, ModelPlugin, DataPlugin } = load("@argdown/core");

const app = new ArgdownApplication();
app.addPlugin(new ParserPlugin(), "parse-input");
app.addPlugin(new DataPlugin(), "build-model");
app.addPlugin(new ModelPlugin(), "build-model");
const input = fs.readFileSync(process.argv[3], "utf8");
const res = app.run({ input, process: ["parse-input", "build-model"] });
const text = (v) => (v.members || []).map((m) => m.text).find((t) => t !== undefined && t !== null);
const out = {
  errors: (res.parserErrors || []).map((e) => e.message).concat((res.lexerErrors || []).map((e) => e.message)),
  statements: Object.fromEntries(Object.entries(res.statements || {}).map(([k, v]) => [k, text(v) ?? null])),
  tags: Object.fromEntries(Object.entries(res.statements || {}).map(([k, v]) => [k, v.tags || []])),
  relations: (res.relations || []).map((r) => [r.from.title, r.to.title, r.relationType]),
};
process.stdout.write(JSON.stringify(out));
