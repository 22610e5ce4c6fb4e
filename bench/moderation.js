#!/usr/bin/env node
'use strict';

/**
 * `node bench/moderation.js` (after a compile; `npm run bench` runs it in a process of its own): the moderation
 * pipeline's CPU per comment, from the compiled dist/.
 * - Hostile bodies (repeated symbols, spaced symbols, repeated partial phrases, digits, 5,000 characters) against an
 *   ordinary comment of the same length: the worst must stay within 3x.
 * - The learned risk models: training time (start-up), memory they add, and CPU per comment (p95) over the
 *   evaluation corpus's comments, with the whole pipeline around them.
 * Prints one JSON object on the last line (bench/run.js reads it).
 */
const fs = require('fs');
const path = require('path');

const appDir = path.resolve(__dirname, '..');
const domain = require(path.join(appDir, 'dist', 'src', 'domain', 'moderation', 'index.js'));

const LENGTH = 5000;
const fill = (unit) => unit.repeat(Math.ceil(LENGTH / unit.length)).slice(0, LENGTH);
const ORDINARY = fill('I lost my mother last year and the grief group on Tuesdays helped me a lot, thank you all. ');
/** Hangul syllables in a fixed pseudo-random order (a linear congruential sequence: the same body every run). */
function randomHangul(length) {
  let state = 12345;
  return Array.from({ length }, () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return String.fromCharCode(0xac00 + (state % 11172));
  }).join('');
}
const HOSTILE = {
  'stars': fill('*'),
  'spaced stars': fill('* '),
  'star-hyphen pairs': fill('*-'),
  'starred letters': fill('su*c '),
  'repeated partial phrase': fill('i want to '),
  'repeated partial phrase 2': fill('kill my '),
  'one letter words': fill('a '),
  'spaced digits': fill('1 '),
  'one long number': fill('1'),
  'leetspeak': fill('k1ll '),
  'dotted letters': fill('s.'),
  'cue then digits': `member id ${fill('1')}`,
  'disguised emails': fill('a at b dot '),
  'street-like': fill('12 oak '),
  'birth cues': fill('born 12 '),
  'Hangul with no space': fill('한'),
  'random Hangul with no space': randomHangul(LENGTH),
  'one long Latin word': fill('abcdefghij'),
  'bidi controls between letters': fill('\u202eabc'),
  'long words between double cuts': fill(`${'a'.repeat(400)}--`),
  'combining marks': fill('a\u0301\u0302\u0303'),
};

const rules = {
  maxLinks: 2,
  blockedTerms: [],
  suspectTerms: [],
  crisisTerms: [],
  phoneRegions: ['US', 'CA', 'GB', 'IE', 'AU', 'NZ', 'MX', 'ES', 'AR', 'CO', 'CL', 'PE', 'BR', 'PT', 'FR', 'BE', 'CH', 'DE', 'AT', 'IT', 'NL', 'PL', 'PH', 'TR', 'IN', 'RU', 'UA', 'RO', 'GR', 'SE', 'CZ', 'HU', 'IL', 'JP', 'KR', 'CN', 'VN', 'ID', 'ZA', 'NG'],
  spamEmails: [],
  spamDomains: [],
  trustedDomains: [],
  classifier: { spamThreshold: 0.99, reviewThreshold: 0.5 },
  crisisModel: { urgentThreshold: 0.6, approveBelow: 0.01, reviewBelow: 0.14 },
};
const standing = { isDuplicate: false, verified: true, hasApprovedComment: true };

const cpuMs = (work) => {
  const start = process.cpuUsage();
  work();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};
const percentile = (values, share) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * share))];
const round = (value) => Math.round(value * 100) / 100;

const corpusDir = path.join(appDir, 'data', 'moderation-corpus');
const evaluationDir = path.join(appDir, 'tests', 'fixtures', 'evaluation-corpus');

domain.lexicons();
const rssBefore = process.memoryUsage().rss;
const trainingStart = Date.now();
const training = domain.loadCorpus(corpusDir);
const spam = domain.trainSpamModel(domain.spamExamples(training));
const crisis = domain.RiskModel.train(domain.crisisExamples(training));
const review = domain.RiskModel.train(domain.reviewExamples(training));
const trainingMs = Date.now() - trainingStart;
global.gc?.();
const modelsMb = (process.memoryUsage().rss - rssBefore) / 1048576;
const models = { spam: (text, links) => spam.score(domain.spamTokens(text, links)), crisis: (text) => crisis.score(text), review: (text) => review.score(text) };
const run = (body) => domain.moderate({ body, authorEmail: 'reader@example.com' }, standing, rules, models);

// Warm up every path once, then take the median of five runs per body.
const timeBody = (body) => {
  run(body);
  const runs = Array.from({ length: 5 }, () => cpuMs(() => run(body)));
  return percentile(runs, 0.5);
};
const ordinaryMs = timeBody(ORDINARY);
const hostile = Object.fromEntries(Object.entries(HOSTILE).map(([name, body]) => [name, round(timeBody(body))]));
const [worstName, worstMs] = Object.entries(hostile).sort((a, b) => b[1] - a[1])[0];

const comments = domain.loadCorpus(evaluationDir).map((entry) => entry.text);
const perComment = comments.map((text) => cpuMs(() => run(text)));
const modelOnly = comments.map((text) => {
  const normalised = domain.normalise(text);
  return cpuMs(() => {
    crisis.score(normalised);
    review.score(normalised);
  });
});

const result = {
  ordinaryMs: round(ordinaryMs),
  hostile,
  worst: { name: worstName, ms: worstMs, ratio: round(worstMs / ordinaryMs) },
  pipelineP95Ms: round(percentile(perComment, 0.95)),
  modelsP95Ms: round(percentile(modelOnly, 0.95)),
  modelsTrainingMs: trainingMs,
  modelsMb: round(modelsMb),
  comments: comments.length,
};
process.stdout.write(`${JSON.stringify(result)}\n`);
if (require.main === module && process.argv.includes('--print')) fs.writeSync(1, `${JSON.stringify(result, null, 2)}\n`);
