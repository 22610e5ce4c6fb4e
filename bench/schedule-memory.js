'use strict';

/**
 * What the feed keeps per program, measured: compiles and prepares the schedules of N benchmark programs (the
 * mix of bench/seed-scale.js) the way the feed does, and prints the live heap they hold and the time they took.
 * Needs the compiled project (dist/, from `npm run build` or a test run):
 *   node --expose-gc bench/schedule-memory.js [count=10000]
 * DIST_DIR=<another build's dist> measures that build instead.
 */
const path = require('path');

// The compiled domains' public faces: #domain/<name> (package.json "imports"), or those of DIST_DIR's build.
const domain = (name) => require(process.env.DIST_DIR ? path.join(process.env.DIST_DIR, 'src', 'domain', name, 'index.js') : `#domain/${name}`);
const { compileSchedule } = domain('schedule');
const { prepareSchedule } = domain('feed');
const { scheduleFor } = require('./seed-scale');

if (typeof global.gc !== 'function') throw new Error('Run with node --expose-gc');
const count = Number(process.argv[2] || 10000);
const heap = () => {
  global.gc();
  return process.memoryUsage().heapUsed;
};

const today = new Date();
const schedules = Array.from({ length: count }, (_, i) => ({ ...scheduleFor(i, today).schedule, skippedDates: [] }));
const before = heap();
let startedAt = Date.now();
const compiled = schedules.map((schedule) => compileSchedule(schedule));
const compileMs = Date.now() - startedAt;
const afterCompile = heap();
startedAt = Date.now();
const prepared = compiled.map((schedule) => prepareSchedule(schedule, Date.now()));
const prepareMs = Date.now() - startedAt;
const afterPrepare = heap();

const mb = (bytes) => (bytes / 1024 / 1024).toFixed(1);
process.stdout.write(
  `${count} programs: compiled ${mb(afterCompile - before)} MB in ${compileMs} ms; prepared (session starts) ` +
    `${mb(afterPrepare - afterCompile)} MB more in ${prepareMs} ms; ${mb(afterPrepare - before)} MB in all ` +
    `(${prepared.length} kept)\n`
);
