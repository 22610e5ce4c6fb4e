'use strict';

/** The benchmark's summary (targets as ratios of numbers from the same run) and its result files. */
const fs = require('fs');
const path = require('path');

const find = (rows, prefix, size) => rows.find((row) => row.case.startsWith(prefix) && (size === undefined || row.size === size));
const ratio = (a, b) => (a && b ? Math.round((a / b) * 100) / 100 : null);

function summarise(rows, facts, sizes) {
  const checks = [];
  const at = sizes.includes(1000) ? 1000 : Math.max(...sizes);
  const warm = find(rows, 'feed warm', at);
  const stock = find(rows, 'stock GET', at);
  const conditional = find(rows, 'feed conditional', at);
  const bare = find(rows, 'bare node');
  const coldAt = find(rows, 'feed cold (cache miss', at);
  const biggest = Math.max(...sizes);
  const coldBig = find(rows, 'feed cold (cache miss', biggest);
  const coldLastPage = rows.find((row) => row.case.startsWith('feed cold, page'));
  const modOn = find(rows, 'POST /api/comments (moderation on)');
  const modOff = find(rows, 'POST /api/comments (moderation off)');
  const add = (name, value, target, pass) => checks.push({ name, value, target, pass });
  add(`warm feed vs stock find @${at} (req/s ratio)`, ratio(warm?.requestsPerSecond, stock?.requestsPerSecond), '>= 10', ratio(warm?.requestsPerSecond, stock?.requestsPerSecond) >= 10);
  add('warm feed vs bare Node ceiling (req/s ratio)', ratio(warm?.requestsPerSecond, bare?.requestsPerSecond), '>= 0.30', ratio(warm?.requestsPerSecond, bare?.requestsPerSecond) >= 0.3);
  add(`304 vs warm feed @${at} (req/s ratio)`, ratio(conditional?.requestsPerSecond, warm?.requestsPerSecond), '>= 1', ratio(conditional?.requestsPerSecond, warm?.requestsPerSecond) >= 1);
  add(`cold feed p99 @${at} (ms)`, coldAt?.p99, '< 150', coldAt ? coldAt.p99 < 150 : false);
  if (biggest > at) {
    add(`cold feed p50 ${biggest} vs ${at} programs (ratio)`, ratio(coldBig?.p50, coldAt?.p50), '<= 12', ratio(coldBig?.p50, coldAt?.p50) <= 12);
  }
  if (coldLastPage) add(`cold feed, last page vs first page @${biggest} (p50 ratio)`, ratio(coldLastPage.p50, coldBig?.p50), '<= 1.2', ratio(coldLastPage.p50, coldBig?.p50) <= 1.2);
  // Issue 25: compressed and lean answers, uncached reads.
  const warmBr = find(rows, 'feed warm, Accept-Encoding: br', at);
  const bareBr = find(rows, 'bare node http, same brotli');
  add('warm feed, br vs bare Node sending the same brotli bytes (req/s ratio)', ratio(warmBr?.requestsPerSecond, bareBr?.requestsPerSecond), '>= 0.6', ratio(warmBr?.requestsPerSecond, bareBr?.requestsPerSecond) >= 0.6);
  add('warm feed, identity vs bare Node, same bytes (req/s ratio)', ratio(warm?.requestsPerSecond, bare?.requestsPerSecond), '>= 0.5', ratio(warm?.requestsPerSecond, bare?.requestsPerSecond) >= 0.5);
  const pageBytes = facts[`feedFirstPageBytes@${at}`];
  if (pageBytes) {
    add(`feed first page @${at}, identity (KB)`, Math.round(pageBytes.identity / 102.4) / 10, '<= 40', pageBytes.identity <= 40 * 1024);
    add(`feed first page @${at}, brotli (KB)`, Math.round(pageBytes.br / 102.4) / 10, '<= 8', pageBytes.br <= 8 * 1024);
  }
  for (const name of ['uncached article by slug', 'stock GET /api/group-programs']) {
    const row = find(rows, name, at);
    if (row) add(`${name} @${at} (req/s)`, row.requestsPerSecond, '>= 100', row.requestsPerSecond >= 100);
  }
  add('comment create, moderation on vs off (p50 ratio)', ratio(modOn?.p50, modOff?.p50), '<= 1.2', ratio(modOn?.p50, modOff?.p50) <= 1.2);
  const largest = Math.max(...sizes);
  for (const [name, prefix] of [['article by slug', 'article by slug'], ['article list', 'article list'], ['comment thread', 'approved comment thread']]) {
    const row = find(rows, prefix);
    add(`${name} vs stock find @${largest} (req/s ratio)`, ratio(row?.requestsPerSecond, find(rows, 'stock GET', largest)?.requestsPerSecond), '>= 10', ratio(row?.requestsPerSecond, find(rows, 'stock GET', largest)?.requestsPerSecond) >= 10);
    add(`${name} p99 (ms)`, row?.p99, '< 50', row ? row.p99 < 50 : false);
  }
  const expensive = find(rows, 'most expensive allowed public query', largest);
  add(`most expensive allowed public query p99 @${largest} (ms)`, expensive?.p99, '< 1000', expensive ? expensive.p99 < 1000 : false);
  const coldArticle = find(rows, 'article cold', largest);
  add(`cold article p99 @${largest} (ms)`, coldArticle?.p99, '< 100', coldArticle ? coldArticle.p99 < 100 : false);
  add('peak server memory (MB)', facts.peakMemoryMb ? Math.round(facts.peakMemoryMb) : null, '< 500', facts.peakMemoryMb ? facts.peakMemoryMb < 500 : false);
  const sessionsPanel = find(rows, 'panel:');
  add('sessions panel, 2-year ongoing schedule, p99 (ms)', sessionsPanel?.p99, '< 200', sessionsPanel ? sessionsPanel.p99 < 200 : false);
  const inbox = find(rows, 'inbox opens');
  add('inbox opens with 5,000 waiting, p99 (ms)', inbox?.p99, '< 1000', inbox ? inbox.p99 < 1000 : false);
  const cost = facts.moderation;
  if (cost) {
    add(`moderation CPU, worst hostile body (${cost.worst.name}) vs an ordinary comment of the same length (ratio)`, cost.worst.ratio, '<= 3', cost.worst.ratio <= 3);
    add('learned risk models, CPU per comment p95 (ms)', cost.modelsP95Ms, '<= 30', cost.modelsP95Ms <= 30);
    add('learned models, memory added (MB)', cost.modelsMb, '<= 200', cost.modelsMb <= 200);
    add('learned models, training at start-up (ms)', cost.modelsTrainingMs, '<= 10000', cost.modelsTrainingMs <= 10000);
  }
  const [inboxOrdinary, inboxHostile] = [find(rows, 'inbox opens: 100 ordinary'), find(rows, 'inbox opens: 100 hostile')];
  if (inboxOrdinary && inboxHostile) {
    const value = ratio(inboxHostile.p99, inboxOrdinary.p99);
    add('inbox with 100 hostile comments vs 100 ordinary ones (p99 ratio)', value, '<= 1.5', value <= 1.5);
  }
  facts.errors = rows.reduce((sum, row) => sum + row.errors, 0);
  return checks;
}

function writeResults({ stamp, rows, facts, checks, meta: settings, log }) {
  const dir = path.join(__dirname, 'results');
  fs.mkdirSync(dir, { recursive: true });
  const meta = { date: new Date().toISOString(), ...settings, node: process.version };
  fs.writeFileSync(path.join(dir, `${stamp}.json`), `${JSON.stringify({ meta, facts, rows, checks }, null, 2)}\n`);
  const table = [
    '| case | req/s | p50 ms | p99 ms | errors | server peak MB after |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map((row) => `| ${row.case} | ${row.requestsPerSecond} | ${row.p50} | ${row.p99} | ${row.errors} | ${row.peakMb ?? ''} |`),
  ];
  const targets = ['| target | measured | wanted | met |', '| --- | ---: | --- | --- |', ...checks.map((check) => `| ${check.name} | ${check.value ?? 'n/a'} | ${check.target} | ${check.pass ? 'yes' : 'no'} |`)];
  const markdown = [
    `# Benchmark ${meta.date}`,
    '',
    `\`npm run bench${meta.mode === 'quick' ? ' -- --quick' : ''}\` on ${meta.database}, Node ${process.version}, ${meta.durationSeconds} s per case, ${meta.connections} connections, load from ${meta.loadGenerator}, server heap limit (\`--max-old-space-size\`, as \`npm start\`): ${meta.heapMegabytes > 0 ? `${meta.heapMegabytes} MB` : 'none (V8 sizes it from the machine)'}.`,
    `Load generator ceiling (bare Node http sending the feed's bytes): ${find(rows, 'bare node')?.requestsPerSecond ?? 'n/a'} req/s.`,
    `Server start-up: ${facts.startupMs} ms to /_health. Peak server memory (VmHWM): ${facts.peakMemoryMb ? `${Math.round(facts.peakMemoryMb)} MB` : 'n/a'}.`,
    '',
    ...table,
    '',
    ...targets,
    '',
  ].join('\n');
  fs.writeFileSync(path.join(dir, `${stamp}.md`), markdown);
  log(`\n${markdown}`);
  log(`Written: bench/results/${stamp}.json and .md`);
}


module.exports = { summarise, writeResults };
