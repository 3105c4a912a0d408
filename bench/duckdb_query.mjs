// The benchmark query in DuckDB (@duckdb/node-api), printed as CSV in cxkpi's layout:
//   node bench/duckdb_query.mjs FILE.csv      -> per (UTC day, channel) rows, sorted
//   node bench/duckdb_query.mjs FILE.ndjson   -> the same from NDJSON (read_json)
//   node bench/duckdb_query.mjs --version     -> DuckDB's version
// Columns are read with explicit types (no sniffing); opened_at is parsed as a
// TIMESTAMPTZ (offsets honoured) and bucketed by its UTC date, like cxkpi --by day.
// DuckDB uses all cores (its default threads setting).
import { createRequire } from 'node:module';

// run.sh installs the package under bench/.tools (npm install --prefix bench/.tools).
const require = createRequire(new URL('./.tools/package.json', import.meta.url));
const { DuckDBInstance } = require('@duckdb/node-api');

const COLUMNS = {
  id: 'BIGINT', opened_at: 'TIMESTAMPTZ', channel: 'VARCHAR', queue: 'VARCHAR',
  agent: 'VARCHAR', customer_id: 'VARCHAR', offered: 'INTEGER', answered: 'INTEGER',
  abandoned: 'INTEGER', wait_s: 'INTEGER', talk_s: 'INTEGER', hold_s: 'INTEGER',
  wrap_s: 'INTEGER', resolved: 'INTEGER', first_contact_resolved: 'INTEGER',
  csat: 'INTEGER', nps: 'INTEGER', cost: 'DECIMAL(12,2)',
};

function sqlString(s) {
  return "'" + s.replaceAll("'", "''") + "'";
}

function reader(file) {
  const columns = Object.entries(COLUMNS).map(([k, v]) => `${sqlString(k)}: ${sqlString(v)}`);
  if (/\.(ndjson|jsonl)$/.test(file)) {
    return `read_json(${sqlString(file)}, format = 'newline_delimited', auto_detect = false,
                      columns = {${columns.join(', ')}})`;
  }
  return `read_csv(${sqlString(file)}, header = true, delim = ',', quote = '"',
                   auto_detect = false, columns = {${columns.join(', ')}})`;
}

function query(file) {
  // The UTC day is taken as a day number from the epoch (exact for any UTC offset, for
  // times after 1970), turned into a date only for the ~100 result rows: CAST(... AS DATE)
  // on a TIMESTAMPTZ goes through ICU row by row and made the query ~1.4x slower.
  // Ratios as DOUBLE; NULLIF turns an empty denominator into NULL (an empty cell).
  return `
    SELECT strftime(DATE '1970-01-01' + CAST(day AS INTEGER), '%Y-%m-%d') AS period,
           channel, contacts, abandonment, asa, service_level, aht, csat, nps
    FROM (
      SELECT epoch_us(opened_at) // 86400000000 AS day,
             channel,
             count(*) AS contacts,
             100.0 * sum(abandoned) / NULLIF(sum(offered), 0) AS abandonment,
             CAST(sum(wait_s) FILTER (WHERE answered = 1) AS DOUBLE)
               / NULLIF(sum(answered), 0) AS asa,
             100.0 * count(*) FILTER (WHERE answered = 1 AND wait_s <= 20)
               / NULLIF(sum(offered), 0) AS service_level,
             CAST(sum(talk_s + hold_s + wrap_s) FILTER (WHERE answered = 1) AS DOUBLE)
               / NULLIF(sum(answered), 0) AS aht,
             100.0 * count(*) FILTER (WHERE csat >= 4) / NULLIF(count(csat), 0) AS csat,
             100.0 * (count(*) FILTER (WHERE nps >= 9) - count(*) FILTER (WHERE nps <= 6))
               / NULLIF(count(nps), 0) AS nps
      FROM ${reader(file)}
      GROUP BY ALL
    )
    ORDER BY period, channel`;
}

function cell(v) {
  if (v === null || v === undefined) return '';
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  return String(v);
}

async function main() {
  const arg = process.argv[2];
  if (!arg) {
    process.stderr.write('usage: node duckdb_query.mjs FILE.csv | --version\n');
    process.exit(64);
  }
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await connection.run("SET TimeZone = 'UTC'");
  if (arg === '--version') {
    const reader = await connection.runAndReadAll('SELECT version()');
    process.stdout.write(`DuckDB ${reader.getRows()[0][0]}\n`);
    return;
  }
  const result = await connection.runAndReadAll(query(arg));
  const lines = [result.columnNames().join(',')];
  for (const row of result.getRows()) lines.push(row.map(cell).join(','));
  process.stdout.write(lines.join('\n') + '\n');
}

await main();
