import fs from 'fs';
import os from 'os';
import path from 'path';
import { builtInLexiconDir, LexiconError, loadLexicons } from '../../src/domain/moderation/lexicon';

/** The lexicon files are data checked at load: the built-in ones load clean; each kind of mistake is named with its file and line. */
const write = (files: Record<string, string>) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lexicons-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
};
const problems = (files: Record<string, string>) => {
  try {
    loadLexicons([write(files)]);
  } catch (error) {
    if (error instanceof LexiconError) return error.problems;
    throw error;
  }
  return [];
};

describe('lexicon files', () => {
  it('the built-in lexicons load without a problem, in every covered language', () => {
    const set = loadLexicons([builtInLexiconDir()]);
    expect(Object.keys(set.byKind.crisis).sort()).toEqual(['de', 'en', 'es', 'fr', 'pt']);
    expect(set.byKind.crisis.en.ideation.length).toBeGreaterThan(50);
    expect(set.files.length).toBeGreaterThanOrEqual(25);
  });

  it('macros expand ({myself}) and a list may be written over several lines', () => {
    const set = loadLexicons([write({ 'crisis/en.yaml': 'kind: crisis\nlanguage: en\nmacros:\n  myself: [myself, my self]\nlists:\n  ideation:\n    - "hurt {myself}"\n    - "want to\n      die"\n' })]);
    expect(set.byKind.crisis.en.ideation).toEqual(['hurt (myself|my self)', 'want to die']);
  });

  it('a duplicate entry is named with both lines', () => {
    expect(problems({ 'crisis/en.yaml': 'kind: crisis\nlanguage: en\nlists:\n  ideation:\n    - want to die\n    - kill myself\n    - want  to die\n' })).toEqual([
      expect.stringMatching(/crisis\/en\.yaml:7: "want to die" is already in ideation \(line 5\)/),
    ]);
  });

  it('a malformed pattern, an unknown macro and an unknown list are named with file and line', () => {
    const found = problems({ 'spam/en.yaml': 'kind: spam\nlanguage: en\nlists:\n  seo:\n    - "(backlinks|guest posts"\n    - "{nope} links"\n  nonsense:\n    - x\n' });
    expect(found).toEqual([
      expect.stringMatching(/spam\/en\.yaml:5: Lexicon pattern "\(backlinks\|guest posts": missing "\)"/),
      expect.stringMatching(/spam\/en\.yaml:6: unknown macro \{nope\}/),
      expect.stringMatching(/spam\/en\.yaml:7: spam lexicons have no list "nonsense"/),
    ]);
  });

  it('the kind must be the folder and the language the file name; the schema refuses other keys', () => {
    expect(problems({ 'crisis/en.yaml': 'kind: spam\nlanguage: en\nlists: {}\n' })[0]).toMatch(/kind "spam" must be the folder's name "crisis"/);
    expect(problems({ 'crisis/it.yaml': 'kind: crisis\nlanguage: en\nlists: {}\n' })[0]).toMatch(/language "en" must be the file's name/);
    expect(problems({ 'crisis/en.yaml': 'kind: crisis\nlanguage: en\nlists: {}\nextra: 1\n' })[0]).toMatch(/crisis\/en\.yaml:\d+: .*extra/);
  });

  it("a deployment's folder adds to the built-in lists and may add a language", () => {
    const extra = write({ 'crisis/it.yaml': 'kind: crisis\nlanguage: it\nlists:\n  ideation:\n    - voglio morire\n', 'crisis/en.yaml': 'kind: crisis\nlanguage: en\nlists:\n  slang:\n    - sewer slidin\n' });
    const set = loadLexicons([builtInLexiconDir(), extra]);
    expect(set.byKind.crisis.it.ideation).toEqual(['voglio morire']);
    expect(set.byKind.crisis.en.slang).toContain('sewer slidin');
    expect(set.byKind.crisis.en.slang.length).toBeGreaterThan(1);
  });
});
