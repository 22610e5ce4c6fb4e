'use strict';

/**
 * The load generator of `npm run bench`: wrk (Debian's package) for throughput cases, because autocannon on this
 * machine tops out near 7,000 req/s (it measured its own ceiling, not the server's); autocannon for the cases that
 * build each request (POSTs, cold windows), which are latency-bound anyway. Both report the same row shape.
 */
const { execFile, execFileSync } = require('child_process');
const autocannon = require('autocannon');

const wrkPath = () => {
  try {
    return execFileSync('sh', ['-c', 'command -v wrk'], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
};

/** `wrk -v` prints its version and usage, and exits with 1. */
const wrkVersion = (wrk) => {
  try {
    return execFileSync(wrk, ['-v'], { encoding: 'utf8' }).split(' ')[1];
  } catch (error) {
    return String(error.stdout || '').split(' ')[1] || 'unknown version';
  }
};

/** "1.23ms" / "850.00us" / "1.02s" → milliseconds. */
const toMs = (text) => {
  const match = /([\d.]+)(us|ms|s)/.exec(text);
  if (!match) return null;
  const value = Number(match[1]);
  return match[2] === 'us' ? value / 1000 : match[2] === 's' ? value * 1000 : value;
};

const parseWrk = (output) => {
  const percentile = (p) => {
    const match = new RegExp(`^\\s+${p}%\\s+(\\S+)`, 'm').exec(output);
    return match ? Math.round(toMs(match[1]) * 100) / 100 : null;
  };
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output);
  const non2xx = /Non-2xx or 3xx responses: (\d+)/.exec(output);
  return {
    requestsPerSecond: Math.round(Number((/Requests\/sec:\s+([\d.]+)/.exec(output) || [])[1] || 0)),
    p50: percentile(50),
    p99: percentile(99),
    errors: (socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0) + (non2xx ? Number(non2xx[1]) : 0),
    requests: Number((/(\d+) requests in/.exec(output) || [])[1] || 0),
  };
};

const runWrk = (wrk, { url, connections, duration, headers = {} }) =>
  new Promise((resolve, reject) => {
    const args = ['-t1', `-c${connections}`, `-d${duration}s`, '--latency', ...Object.entries(headers).flatMap(([name, value]) => ['-H', `${name}: ${value}`]), url];
    execFile(wrk, args, { maxBuffer: 1 << 20 }, (error, stdout) => (error ? reject(error) : resolve(parseWrk(stdout))));
  });

const runAutocannon = async (options, expectedStatus) => {
  const result = await autocannon(options);
  const stats = result.statusCodeStats || {};
  const unexpected = Object.entries(stats).reduce((sum, [code, { count }]) => sum + (Number(code) === expectedStatus ? 0 : count), 0);
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + unexpected,
    requests: result.requests.total,
  };
};

/** A measuring function bound to the run's defaults; `generator` names what drives the throughput cases. */
const createMeasure = ({ connections, duration, log }) => {
  const wrk = wrkPath();
  const generator = wrk ? `wrk (${wrkVersion(wrk)})` : 'autocannon (wrk not installed: apt-get install wrk)';
  async function measure(label, options, expectedStatus = 200) {
    const settings = { connections, duration, ...options };
    let row;
    if (wrk && !settings.requests && !settings.method) {
      // wrk counts 3xx as fine: check the status the case expects once, first.
      const probe = await fetch(settings.url, { headers: settings.headers || {} });
      await probe.arrayBuffer();
      row = { case: label, ...(await runWrk(wrk, settings)) };
      if (probe.status !== expectedStatus) row.errors += 1;
    } else {
      row = { case: label, ...(await runAutocannon(settings, expectedStatus)) };
    }
    log(`  ${label.padEnd(56)} ${String(row.requestsPerSecond).padStart(7)} req/s  p50 ${String(row.p50).padStart(6)} ms  p99 ${String(row.p99).padStart(6)} ms  errors ${row.errors}`);
    return row;
  }
  return { measure, generator };
};

module.exports = { createMeasure, parseWrk };
