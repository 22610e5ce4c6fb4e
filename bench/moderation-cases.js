'use strict';

/**
 * The moderation rows of `npm run bench`: the pipeline's CPU per comment, hostile bodies against an ordinary one and
 * the learned models' cost (bench/moderation.js, in a process of its own), and the inbox opening over 100 hostile
 * comments against 100 ordinary ones, all posted through the real pipeline.
 */
const path = require('path');
const { execFileSync } = require('child_process');

/** bench/moderation.js on the compiled project: its JSON result. */
const pipelineCost = () => {
  const output = execFileSync(process.execPath, ['--expose-gc', path.join(__dirname, 'moderation.js')], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  return JSON.parse(output.trim().split('\n').pop());
};

const HOSTILE_UNITS = ['*', '* ', '*-', 'su*c ', 'i want to ', 'kill my ', 'a ', '1 ', '1', 'k1ll ', 's.', 'a at b dot ', '12 oak ', 'born 12 ', '한', 'abcdefghij', '\u202eabc'];
const hostileBody = (index) => {
  const unit = HOSTILE_UNITS[index % HOSTILE_UNITS.length];
  return `${unit.repeat(Math.ceil(4990 / unit.length)).slice(0, 4990)} ${index}`;
};
const ordinaryBody = (index) => `Comment ${index}: I lost my mother last year and the grief group on Tuesdays helped me, thank you all. `.repeat(45).slice(0, 4990);

/** Posts `count` comments made by `body(i)`; then the inbox's first page of 100 waiting, opened one request at a time. */
async function inboxWith(name, { base, articleSlug, measure, authorization, count, body, clear }) {
  await clear();
  for (let index = 0; index < count; index += 1) {
    const response = await fetch(`${base}/api/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ data: { article: articleSlug, authorName: 'Bench', authorEmail: `inbox${name}${index}@bench.example`, body: body(index) } }),
    });
    if (response.status !== 201) throw new Error(`POST answered ${response.status}: ${(await response.text()).slice(0, 200)}`);
  }
  return measure(`inbox opens: 100 ${name} comments waiting (1 connection)`, { url: `${base}/moderation/queue?tab=pending&pageSize=100`, connections: 1, headers: { authorization } });
}

async function moderationRows({ base, articleSlug, measure, authorization, clearWaiting }) {
  const rows = [];
  const cost = pipelineCost();
  const row = (name, ms) => ({ case: name, requestsPerSecond: null, p50: ms, p99: ms, errors: 0 });
  rows.push(row('moderation CPU: ordinary 5,000-character comment (ms)', cost.ordinaryMs));
  rows.push(row(`moderation CPU: worst hostile body, ${cost.worst.name} (ms)`, cost.worst.ms));
  rows.push(row(`moderation CPU per comment, p95 over ${cost.comments} evaluation comments (ms)`, cost.pipelineP95Ms));
  rows.push(row('learned risk models CPU per comment, p95 (ms)', cost.modelsP95Ms));
  rows.push(row('learned models: training at start-up (ms)', cost.modelsTrainingMs));
  rows.push(row('learned models: memory added (MB)', cost.modelsMb));
  const args = { base, articleSlug, measure, authorization, count: 100, clear: clearWaiting };
  rows.push(await inboxWith('ordinary', { ...args, body: ordinaryBody }));
  rows.push(await inboxWith('hostile', { ...args, body: hostileBody }));
  return { rows, cost };
}

module.exports = { moderationRows };
