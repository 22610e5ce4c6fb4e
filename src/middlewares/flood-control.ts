import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context, Next } from 'koa';
import type { FloodScope } from '../api/comment/services/flood-control';
import { getService } from '../utils/services';

/**
 * Flood control as a route middleware (like users-permissions' `rateLimit`): a route names its allowance in its
 * config, `middlewares: [floodControl('report')]`, and this is the one place that counts, answers 429 with
 * Retry-After, and gives back what it counted.
 *
 * Unlike an auth endpoint, whose key is in the request, these routes know who is posting only once the handler
 * has checked the reader's token (an address is a key only when a token proves it; a typed one has no allowance of
 * its own) and has found the request valid, so validation errors and repeats are never counted. The middleware
 * therefore hands the handler a gate, and the handler opens it with the keys at that point: `floodGate(ctx).admit([...])`.
 */
export interface FloodGate {
  /** Counts the request for every key; 429 (RateLimitError, Retry-After) when any key is over its allowance. */
  admit(keys: string[]): Promise<void>;
  /** Gives back what `admit` counted, for a request that was then refused or failed: refusals cost nothing. */
  refund(): Promise<void>;
}

const WHAT: Record<FloodScope, string> = { comment: 'comments', report: 'reports', 'data-request': 'requests', inquiry: 'inquiries' };

export interface FloodControlConfig {
  scope: FloodScope;
}

/** The route middleware entry: `config: { middlewares: [floodControl('comment')] }`. */
export const floodControl = (scope: FloodScope) => ({ name: 'global::flood-control', config: { scope } satisfies FloodControlConfig });

/** The gate of a flood-controlled route (see `floodControl`). */
export const floodGate = (ctx: Context): FloodGate => {
  const gate: FloodGate | undefined = ctx.state.floodGate;
  if (!gate) throw new Error(`${ctx.method} ${ctx.path} is not flood-controlled: add floodControl(scope) to its route's middlewares.`);
  return gate;
};

export default (config: Partial<FloodControlConfig>, { strapi }: { strapi: Core.Strapi }) => {
  const { scope } = config;
  if (!scope || !(scope in WHAT)) throw new Error(`config.scope must be one of ${Object.keys(WHAT).join(', ')}, not "${scope}"`);

  return async (ctx: Context, next: Next) => {
    const flood = getService(strapi, 'api::comment.flood-control');
    let counted: string[] = [];
    const gate: FloodGate = {
      async admit(keys) {
        const decision = await flood.consume(keys, scope);
        if (!decision.allowed) {
          ctx.set('Retry-After', String(decision.retryAfterSeconds));
          throw new errors.RateLimitError(`Too many ${WHAT[scope]}; try again in ${decision.retryAfterSeconds} seconds.`, { retryAfter: decision.retryAfterSeconds });
        }
        counted = keys;
      },
      async refund() {
        const keys = counted;
        counted = [];
        if (keys.length > 0) await flood.refund(keys, scope);
      },
    };
    ctx.state.floodGate = gate;
    await next();
  };
};
