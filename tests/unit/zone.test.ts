import { Temporal } from 'temporal-polyfill';
import { instantOf, isoWithOffset, transitionsBetween } from '#domain/schedule';

const at = (timeZone: string, local: string) => new Date(instantOf(timeZone, Temporal.PlainDateTime.from(local))).toISOString();

describe('time-zone arithmetic', () => {
  it('reads local times as RFC 5545 does: a missing time moves forward by the gap, a repeated one is the first', () => {
    expect(at('America/New_York', '2027-03-14T02:30')).toBe('2027-03-14T07:30:00.000Z'); // 03:30 EDT
    expect(at('America/New_York', '2027-11-07T01:30')).toBe('2027-11-07T05:30:00.000Z'); // the first 01:30 (EDT)
    expect(at('Asia/Kolkata', '2027-03-14T02:30')).toBe('2027-03-13T21:00:00.000Z');
    expect(at('America/St_Johns', '2027-07-01T12:00')).toBe('2027-07-01T14:30:00.000Z');
  });

  it('keeps daylight saving in every year, where temporal-polyfill stops ten years from now', () => {
    expect(isoWithOffset('Europe/London', Date.parse('2040-07-01T12:00:00Z'))).toBe('2040-07-01T13:00:00+01:00');
    expect(at('Australia/Sydney', '2045-01-10T18:00')).toBe('2045-01-10T07:00:00.000Z');
  });

  it('writes local times with negative, half-hour and historic offsets, to the second', () => {
    expect(isoWithOffset('America/New_York', Date.parse('2027-01-05T23:00:00.999Z'))).toBe('2027-01-05T18:00:00-05:00');
    expect(isoWithOffset('America/St_Johns', Date.parse('2027-07-01T14:30:00Z'))).toBe('2027-07-01T12:00:00-02:30');
    expect(isoWithOffset('Asia/Kolkata', Date.parse('2027-03-13T21:00:00Z'))).toBe('2027-03-14T02:30:00+05:30');
    expect(isoWithOffset('America/New_York', Date.parse('2027-11-07T06:30:00Z'))).toBe('2027-11-07T01:30:00-05:00'); // the second 01:30
    expect(isoWithOffset('Pacific/Kiritimati', Date.parse('2027-12-31T10:00:00Z'))).toBe('2028-01-01T00:00:00+14:00');
  });

  it('finds the offset changes of a year, to the second', () => {
    const changes = transitionsBetween('America/New_York', Date.parse('2031-01-01T05:00:00Z'), Date.parse('2032-01-01T05:00:00Z'));
    expect(changes.map((change) => new Date(change.epochMs).toISOString())).toEqual(['2031-03-09T07:00:00.000Z', '2031-11-02T06:00:00.000Z']);
    expect(transitionsBetween('Asia/Kolkata', Date.parse('2031-01-01T00:00:00Z'), Date.parse('2032-01-01T00:00:00Z'))).toEqual([]);
  });
});
