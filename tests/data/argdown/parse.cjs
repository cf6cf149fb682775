// Parse Argdown files with Argdown's own parser and print, for each, its statements
// (text, tags, data), arguments (premise-conclusion titles, data) and relations as
// JSON; an undercut of an argument's inference names the argument.
// Usage: node parse.cjs FOLDER_WITH_NODE_MODULES FILE... (one file: an object;
// several: an array with one entry per file)
const path = require("path");
const fs = require("fs");
const { createRequire } = require("module");
const load = createRequire(path.join(path.resolve(process.argv[2]), "package.json"));
const { ArgdownApplication, ParserPlugin, ModelPlugin, DataPlugin } = load("@argdown/core");

const app = new ArgdownApplication();
app.addPlugin(new ParserPlugin(), "parse-input");
app.addPlugin(new DataPlugin(), "build-model");
app.addPlugin(new ModelPlugin(), "build-model");
const text = (v) => (v.members || []).map((m) => m.text).find((t) => t !== undefined && t !== null);
const byTitle = (items, f) => Object.fromEntries(Object.entries(items || {}).map(([k, v]) => [k, f(v)]));

const parse = (file) => {
  const input = fs.readFileSync(file, "utf8");
  const res = app.run({ input, process: ["parse-input", "build-model"] });
  return {
    errors: (res.parserErrors || []).map((e) => e.message).concat((res.lexerErrors || []).map((e) => e.message)),
    statements: byTitle(res.statements, (v) => text(v) ?? null),
    tags: byTitle(res.statements, (v) => v.tags || []),
    data: byTitle(res.statements, (v) => v.data || null),
    arguments: byTitle(res.arguments, (v) => ({ pcs: (v.pcs || []).map((s) => s.title), data: v.data || null })),
    relations: (res.relations || []).map((r) => [r.from.title, r.to.title ?? r.to.argumentTitle, r.relationType]),
  };
};

const files = process.argv.slice(3);
process.stdout.write(JSON.stringify(files.length === 1 ? parse(files[0]) : files.map(parse)));
