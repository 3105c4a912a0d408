// Runs SQL files in one in-memory DuckDB (@duckdb/node-api), then one query whose rows it
// writes as CSV with a header (DuckDB's COPY: RFC 4180 quoting):
//   node duckdb_run.mjs TOOLS_DIR OUT.csv QUERY.sql SETUP.sql…
// TOOLS_DIR is an npm prefix holding @duckdb/node-api (npm install --prefix TOOLS_DIR …).
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const [tools, out, query, ...setup] = process.argv.slice(2);
const require = createRequire(join(tools, 'package.json'));
const { DuckDBInstance } = require('@duckdb/node-api');

const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
await connection.run("SET TimeZone = 'UTC'");
for (const file of setup) await connection.run(readFileSync(file, 'utf8'));
const sql = readFileSync(query, 'utf8').replace(/;\s*$/, '');
await connection.run(`COPY (${sql}) TO '${out.replaceAll("'", "''")}' (FORMAT csv, HEADER)`);
