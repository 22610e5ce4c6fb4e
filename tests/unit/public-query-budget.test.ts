import { ARTICLE, COMMENT, GROUP_PROGRAM, TOPIC, single } from '../../src/utils/public-query/allowlist';
import { DEFAULT_BUDGET, enforceBudget } from '../../src/utils/public-query/budget';

/** The query budget over queries as the query-string parser hands them over (they have passed the allowlist). */
const refusal = (run: () => void) => {
  try {
    run();
  } catch (error) {
    const { message, details } = error as { message: string; details: { errors: Array<{ path: string[] }> } };
    return { message, path: details.errors[0].path[0] };
  }
  return null;
};
const branches = (count: number, relations = ['topics', 'articles']) =>
  Array.from({ length: count }, (_, index) => ({ [relations[index % relations.length]]: { slug: { $containsi: `x${index}` } } }));

describe('the public query budget', () => {
  it('lets through what websites ask for', () => {
    expect(refusal(() => enforceBudget({ filters: { topics: { slug: { $eq: 'grief' } } }, sort: 'publishedAt:desc', populate: { topics: { fields: ['name'] } } }, ARTICLE))).toBeNull();
    expect(refusal(() => enforceBudget({ filters: { $or: [{ slug: { $eq: 'grief' } }, { name: { $containsi: 'anx' } }] } }, TOPIC))).toBeNull();
    expect(refusal(() => enforceBudget({ filters: { article: { slug: { $eq: 'a' } }, createdAt: { $gte: '2027-01-01' } } }, COMMENT))).toBeNull();
    expect(refusal(() => enforceBudget({ populate: 'topics,articles,facilitator,schedule' }, single(GROUP_PROGRAM)))).toBeNull();
  });

  it('counts relation joins across $or, $and and $not, and names the parameter that goes over', () => {
    expect(refusal(() => enforceBudget({ filters: { $or: branches(6) } }, GROUP_PROGRAM))).toBeNull();
    expect(refusal(() => enforceBudget({ filters: { $or: branches(20) } }, GROUP_PROGRAM))).toEqual({
      path: 'filters[$or][6][topics]',
      message: expect.stringMatching(/query budget of 6 relation joins/),
    });
    const mixed = { $and: [{ $or: branches(3) }, { $not: { $or: branches(3, ['articles']) } }, { topics: { name: { $eq: 'x' } } }] };
    expect(refusal(() => enforceBudget({ filters: mixed }, GROUP_PROGRAM))?.path).toBe('filters[$and][2][topics]');
  });

  it('counts populated relations, nested ones included, in the same budget', () => {
    expect(refusal(() => enforceBudget({ filters: { $or: branches(4) }, populate: 'topics,articles' }, GROUP_PROGRAM))).toBeNull();
    expect(refusal(() => enforceBudget({ filters: { $or: branches(4) }, populate: { topics: true, articles: true, facilitator: true } }, GROUP_PROGRAM))?.path).toBe('populate[facilitator]');
    expect(refusal(() => enforceBudget({ filters: { $or: branches(4) }, populate: { topics: true, schedule: { populate: { skippedDates: true } } } }, GROUP_PROGRAM))?.path).toBe(
      'populate[schedule][populate][skippedDates]'
    );
  });

  it('bounds the depth of nested groups and relations', () => {
    let deep: Record<string, unknown> = { slug: { $eq: 'x' } };
    for (let level = 0; level < DEFAULT_BUDGET.maxDepth; level += 1) deep = { $not: deep };
    expect(refusal(() => enforceBudget({ filters: deep }, TOPIC))).toBeNull();
    const deeper = refusal(() => enforceBudget({ filters: { $or: [deep] } }, TOPIC));
    expect(deeper?.message).toMatch(/query budget of 5 nested levels/);
    expect(deeper?.path).toBe('filters[$or][0][$not][$not][$not][$not][$not]');
  });

  it('counts conditions, a list of values once per value except for set operators', () => {
    const values = Array.from({ length: 60 }, (_, index) => `v${index}`);
    expect(refusal(() => enforceBudget({ filters: { slug: { $in: values } } }, TOPIC))).toBeNull();
    expect(refusal(() => enforceBudget({ filters: { slug: { $containsi: values } } }, TOPIC))).toEqual({
      path: 'filters[slug][$containsi]',
      message: expect.stringMatching(/query budget of 50 conditions/),
    });
    const twenty = Array.from({ length: 20 }, (_, index) => ({ name: { $containsi: `n${index}`, $ne: 'x' } }));
    expect(refusal(() => enforceBudget({ filters: { $or: twenty } }, TOPIC))).toBeNull();
    expect(refusal(() => enforceBudget({ filters: { $or: twenty, $and: twenty } }, TOPIC))?.path).toBe('filters[$and][5][name][$containsi]');
  });

  it('takes its limits from the configuration', () => {
    const budget = { maxJoins: 2, maxDepth: 2, maxConditions: 3 };
    expect(refusal(() => enforceBudget({ filters: { $or: branches(3) } }, GROUP_PROGRAM, budget))?.message).toMatch(/query budget of 2 relation joins/);
    expect(refusal(() => enforceBudget({ filters: { $or: [{ $or: [{ $or: [{ slug: 'x' }] }] }] } }, TOPIC, budget))?.message).toMatch(/query budget of 2 nested levels/);
  });
});
