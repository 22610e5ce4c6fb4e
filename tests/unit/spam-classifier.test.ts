import { findLinks, normalise, SpamModel, spamTokens, trainSpamModel as trainModel } from '#domain/moderation';

const tokensOf = (text: string) => spamTokens(normalise(text), findLinks(text));

const spam = [
  'Cheap replica watches, free shipping worldwide, order today at watches-outlet.example',
  'Best replica watches online, huge discount, order now',
  'Replica watches for sale, visit our store for the discount',
  'Earn $500 a day from home, message me on telegram',
  'Work from home and earn money fast, telegram me',
];
const ham = [
  'How do I sign up for the grief support group on Tuesday evenings?',
  'Thank you, the part about confidentiality in group therapy helped me decide to join.',
  'Is the teen group still meeting over the summer break?',
  'My sister went to the family group last year and it really helped her.',
  'Can I come to the support group if I am already seeing a therapist?',
];
const examples = [...spam.map((text) => ({ text, label: 'spam' as const })), ...ham.map((text) => ({ text, label: 'ham' as const }))];

describe('spamTokens', () => {
  it('reads through disguises and keeps word pairs and link domains', () => {
    const tokens = tokensOf('Ch3ap W4TCHES at hxxps://watches-outlet[.]example');
    expect(tokens).toEqual(expect.arrayContaining(['cheap', 'watches', 'cheap watches', 'link:watches-outlet.example']));
  });
});

describe('SpamModel', () => {
  it('has no opinion before it has learned both kinds', () => {
    expect(SpamModel.empty().score('anything at all').probability).toBe(0.5);
    expect(trainModel(spam.map((text) => ({ text, label: 'spam' as const }))).score('replica watches').probability).toBe(0.5);
  });

  it('scores spam high and genuine questions low, and names the words behind the score', () => {
    const model = trainModel(examples);
    const score = model.score('Replica watches with a discount, order today');
    expect(score.probability).toBeGreaterThan(0.9);
    expect(score.words.map((entry) => entry.word)).toContain('replica watches');
    expect(score.words[0].weight).toBeGreaterThan(0);
    expect(model.score('Is the grief group meeting on Tuesday?').probability).toBeLessThan(0.1);
  });

  it('learns one comment at a time, also after scoring', () => {
    const model = trainModel(examples);
    const campaign = 'Glowmind gummies restored my focus, ask the glowmind team';
    const before = model.score(campaign).probability;
    model.learn('Glowmind gummies changed my life, ask the glowmind team', 'spam').learn('The glowmind team helped me, try glowmind gummies', 'spam');
    expect(model.score(campaign).probability).toBeGreaterThan(before);
    expect(model.samples).toEqual({ spam: 7, ham: 5 });
  });

  it('forgets a comment it learned, as if it had never seen it', () => {
    const model = trainModel(examples);
    const text = 'Glowmind gummies restored my focus';
    const baseline = model.score(text).probability;
    model.learn(text, 'spam');
    model.unlearn(text, 'spam');
    expect(model.samples).toEqual({ spam: 5, ham: 5 });
    expect(model.score(text).probability).toBeCloseTo(baseline, 1);
  });

  it('survives a round trip through its stored JSON', () => {
    const model = trainModel(examples);
    const restored = SpamModel.fromJSON(model.toJSON());
    expect(restored?.score('cheap replica watches').probability).toBeCloseTo(model.score('cheap replica watches').probability, 10);
    expect(SpamModel.fromJSON('not json')).toBeNull();
    expect(SpamModel.fromJSON('{"a":1}')).toBeNull();
    expect(SpamModel.fromJSON(null)).toBeNull();
  });
});
