import { toPlainText } from '../../src/utils/plain-text';

describe('toPlainText', () => {
  it.each([
    ['<script>alert(1)</script>Hello', 'Hello'],
    ['<b>Bold</b> and <i>italic</i>', 'Bold and italic'],
    ['<img src=x onerror=alert(1)>Photo', 'Photo'],
    ['&lt;script&gt;alert(1)&lt;/script&gt;Hi', 'Hi'],
    ['Tom &amp; Jerry', 'Tom & Jerry'],
    ['x < y and y > z', 'x < y and y > z'],
    ['<style>body{}</style><p>Para one</p>\n<p>Para two</p>', 'Para one\nPara two'],
    ['<a href="javascript:alert(1)">link</a>', 'link'],
  ])('%s → %s', (input, expected) => {
    expect(toPlainText(input)).toBe(expected);
  });

  it('leaves nothing that looks like a tag', () => {
    expect(toPlainText('<<script>script>alert(1)<</script>/script>')).not.toMatch(/<[a-z!/?]/i);
  });
});
