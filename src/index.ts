import type { Core } from '@strapi/strapi';
import { configureAdminViews } from './bootstrap/admin-views';
import { surviveDatabaseOutages } from './bootstrap/database-outages';
import { ensureAdminRoles } from './bootstrap/ensure-admin-roles';
import { ensureApiRoles } from './bootstrap/api-roles';
import { acquireStartupLock, releaseStartupLock } from './bootstrap/lock';
import { ensurePublicPermissions } from './bootstrap/public-permissions';
import { registerPublicQuerySemiJoins } from './bootstrap/public-query-semi-joins';
import { registerDocumentMiddlewares } from './document-middlewares';
import { explainFirstAdministrator } from './bootstrap/first-administrator';
import { closeReadinessProbes, registerReadinessRoute } from './health/readiness';
import { seedDemoContentIfEmpty } from './seed/demo-content';
import { closeResponseCache, responseCache } from './utils/response-cache';
import { answerKeptReadsBeforeKoa } from './utils/response-cache/before-koa';
import { siteRebuild } from './site-rebuild';
import { dropTelemetryJobs } from './bootstrap/telemetry-jobs';
import { loadModerationRules } from './bootstrap/moderation-rules';
import { getService } from './utils/services';
import { ensureLocales, stopLocales } from './utils/locales';

export default {
  async register({ strapi }: { strapi: Core.Strapi }) {
    loadModerationRules(strapi);
    registerDocumentMiddlewares(strapi);
    registerPublicQuerySemiJoins(strapi);
    surviveDatabaseOutages(strapi);
    registerReadinessRoute(strapi);
    await acquireStartupLock(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    dropTelemetryJobs(strapi);
    try {
      await ensureLocales(strapi);
      await ensurePublicPermissions(strapi);
      await ensureApiRoles(strapi);
      await ensureAdminRoles(strapi);
      await configureAdminViews(strapi);
      await getService(strapi, 'api::comment.spam-classifier').ensure();
      await getService(strapi, 'api::comment.crisis-model').ensure();
      // Subscribes to other instances' invalidations now, before this one serves anything.
      responseCache(strapi);
      answerKeptReadsBeforeKoa(strapi);
      await seedDemoContentIfEmpty(strapi);
      await explainFirstAdministrator(strapi);
    } finally {
      await releaseStartupLock(strapi);
    }
  },

  async destroy({ strapi }: { strapi: Core.Strapi }) {
    await releaseStartupLock(strapi);
    stopLocales(strapi);
    await getService(strapi, 'api::comment.flood-control').close();
    await closeResponseCache(strapi);
    closeReadinessProbes();
    await siteRebuild(strapi).close();
    // A reply notification claims its comment before it sends: let those under way finish.
    await getService(strapi, 'api::commenter.reply-notifications').idle();
    await getService(strapi, 'api::comment.crisis-model').stop();
  },
};
