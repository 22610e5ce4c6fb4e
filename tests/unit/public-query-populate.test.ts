import type { Core } from '@strapi/strapi';
import { GROUP_PROGRAM } from '../../src/utils/public-query/allowlist';
import { enforcePublicQuery } from '../../src/utils/public-query/enforce';

const noStrapi = {} as Core.Strapi;

describe('populate lists in a public query', () => {
  it('become arrays at every level, which Strapi reads as lists (a nested "a,b" is one unknown name to it)', () => {
    const query = enforcePublicQuery(noStrapi, { populate: { topics: { fields: 'name,slug' }, schedule: { populate: 'skippedDates,sessionChanges' } } }, GROUP_PROGRAM);
    expect(query.populate).toEqual({ topics: { fields: 'name,slug' }, schedule: { populate: ['skippedDates', 'sessionChanges'] } });
    expect(enforcePublicQuery(noStrapi, { populate: 'topics, facilitator' }, GROUP_PROGRAM).populate).toEqual(['topics', 'facilitator']);
  });

  it('still refuse a name the allowlist does not hold, naming where', () => {
    expect(() => enforcePublicQuery(noStrapi, { populate: { schedule: { populate: 'skippedDates,secret' } } }, GROUP_PROGRAM)).toThrow(
      'populate[schedule][populate]: "secret" cannot be populated'
    );
  });
});
