import { relationConditionsAsSemiJoins, type SemiJoinContext } from '../../src/utils/public-query/semi-joins';

/** The rewrite of relation conditions into semi-joins, with the subquery shown as the condition it selects by. */
const context: SemiJoinContext = {
  isRelation: (key) => ['topics', 'articles'].includes(key),
  idsWhere: (where) => ({ subquery: where }),
};
const ids = (where: Record<string, unknown>) => ({ id: { $in: { subquery: where } } });
const rewrite = (where: unknown) => relationConditionsAsSemiJoins(where, context);

describe('relation conditions as semi-joins', () => {
  it('leaves a tree without relation conditions as it is', () => {
    const where = { $or: [{ slug: 'a' }, { $not: { title: { $containsi: 'b' } } }], publishedAt: { $notNull: true } };
    expect(rewrite(where)).toBe(where);
  });

  it('makes each relation condition a subquery of ids, whatever group it is in', () => {
    const topic = { topics: { $and: [{ slug: { $containsi: 'a' } }] } };
    const article = { articles: { $and: [{ slug: { $containsi: 'b' } }, { publishedAt: { $notNull: true } }] } };
    expect(rewrite({ $or: [topic, article, topic], publishedAt: { $notNull: true } })).toEqual({
      $and: [{ $or: [ids(topic), ids(article), ids(topic)] }, { publishedAt: { $notNull: true } }],
    });
  });

  it('pushes a negation down to the rows of each relation (De Morgan), scalar conditions keep theirs', () => {
    const where = { $not: { $or: [{ topics: { slug: 'a' } }, { $and: [{ kind: 'x' }, { articles: { slug: 'b' } }] }] } };
    expect(rewrite(where)).toEqual({
      $and: [ids({ topics: { $and: [{ $not: { slug: 'a' } }] } }), { $or: [{ $not: { kind: 'x' } }, ids({ articles: { $and: [{ $not: { slug: 'b' } }] } })] }],
    });
    expect(rewrite({ $not: { $not: { topics: { slug: 'a' } } } })).toEqual(ids({ topics: { slug: 'a' } }));
  });

  it('reads a bare value or an operator under a relation as its id, as the query engine does', () => {
    expect(rewrite({ $not: { topics: 3 } })).toEqual(ids({ topics: { $and: [{ $not: { id: 3 } }] } }));
    expect(rewrite({ $not: { topics: { $in: [1, 2] } } })).toEqual(ids({ topics: { $and: [{ $not: { id: { $in: [1, 2] } } }] } }));
  });

  it('reads a list as $and, as the query engine does', () => {
    expect(rewrite([{ topics: { slug: 'a' } }, { slug: 'b' }])).toEqual({ $and: [ids({ topics: { slug: 'a' } }), { slug: 'b' }] });
    expect(rewrite({ $not: [{ topics: { slug: 'a' } }, { slug: 'b' }] })).toEqual({ $or: [ids({ topics: { $and: [{ $not: { slug: 'a' } }] } }), { $not: { slug: 'b' } }] });
  });
});
