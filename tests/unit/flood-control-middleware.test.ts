import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import floodControlMiddleware, { floodControl, floodGate } from '../../src/middlewares/flood-control';
import type { FloodScope } from '../../src/api/comment/services/flood-control';

/** The flood-control service as the middleware calls it: refuses keys listed in `over`, records what it counted. */
const fakeFlood = (over: string[] = []) => {
  const counted: Array<[string[], FloodScope]> = [];
  const refunded: Array<[string[], FloodScope]> = [];
  const service = {
    consume: async (keys: string[], scope: FloodScope) => {
      counted.push([keys, scope]);
      return keys.some((key) => over.includes(key)) ? { allowed: false as const, retryAfterSeconds: 12 } : { allowed: true as const };
    },
    refund: async (keys: string[], scope: FloodScope) => {
      refunded.push([keys, scope]);
    },
  };
  const strapi = { service: (uid: string) => (uid === 'api::comment.flood-control' ? service : undefined) } as unknown as Core.Strapi;
  return { strapi, counted, refunded };
};

const fakeContext = () => {
  const headers: Record<string, string> = {};
  const ctx = { method: 'POST', path: '/api/comments', state: {} as Record<string, unknown>, set: (name: string, value: string) => (headers[name.toLowerCase()] = value) };
  return { ctx: ctx as unknown as Context, headers };
};

/** Runs a request through the middleware with `handler` as the controller. */
const run = async (scope: FloodScope, flood: ReturnType<typeof fakeFlood>, handler: (ctx: Context) => Promise<void>) => {
  const { ctx, headers } = fakeContext();
  const middleware = floodControlMiddleware(floodControl(scope).config, { strapi: flood.strapi });
  const outcome = await middleware(ctx, () => handler(ctx)).then(
    () => null,
    (error: unknown) => error as { name: string; message: string; details: unknown }
  );
  return { outcome, headers };
};

describe('the flood-control route middleware', () => {
  it('counts the keys the handler admits, in the route’s scope', async () => {
    const flood = fakeFlood();
    const { outcome } = await run('report', flood, (ctx) => floodGate(ctx).admit(['ip:a', 'email:b@example.com']));
    expect(outcome).toBeNull();
    expect(flood.counted).toEqual([[['ip:a', 'email:b@example.com'], 'report']]);
  });

  it('answers a key over its allowance with a RateLimitError (429) and Retry-After', async () => {
    const flood = fakeFlood(['ip:a']);
    const reached: string[] = [];
    const { outcome, headers } = await run('comment', flood, async (ctx) => {
      await floodGate(ctx).admit(['ip:a']);
      reached.push('after admit');
    });
    expect(outcome).toMatchObject({ name: 'RateLimitError', message: 'Too many comments; try again in 12 seconds.', details: { retryAfter: 12 } });
    expect(headers['retry-after']).toBe('12');
    expect(reached).toEqual([]);
  });

  it('refunds exactly what it counted, once, and nothing when nothing was counted', async () => {
    const flood = fakeFlood();
    await run('data-request', flood, async (ctx) => {
      await floodGate(ctx).refund();
      await floodGate(ctx).admit(['email:b@example.com', 'ip:a']);
      await floodGate(ctx).refund();
      await floodGate(ctx).refund();
    });
    expect(flood.refunded).toEqual([[['email:b@example.com', 'ip:a'], 'data-request']]);
  });

  it('counts nothing for a request the handler answers without admitting it (a repeat, a validation error)', async () => {
    const flood = fakeFlood();
    await run('comment', flood, async () => undefined);
    expect(flood.counted).toEqual([]);
  });

  it('refuses to start with an unknown scope, and a handler on a route without it fails loudly', () => {
    expect(() => floodControlMiddleware({ scope: 'comments' as FloodScope }, { strapi: fakeFlood().strapi })).toThrow(/config.scope must be one of comment, report, data-request/);
    expect(() => floodGate(fakeContext().ctx)).toThrow(/is not flood-controlled/);
  });
});
