import schema from '../../src/components/program/schedule.json';
import { canonicalTimeZone } from '#domain/schedule';
import { TIME_ZONE_NAMES } from '../../src/domain/schedule/time-zone-names';

describe('time zones', () => {
  it.each([
    ['America/New_York', 'America/New_York'],
    ['america/new_york', 'America/New_York'],
    ['US/Eastern', 'America/New_York'],
    ['Asia/Calcutta', 'Asia/Kolkata'],
    ['asia/kolkata', 'Asia/Kolkata'],
    ['Europe/Kiev', 'Europe/Kyiv'],
    ['America/Buenos_Aires', 'America/Argentina/Buenos_Aires'],
    ['UTC', 'UTC'],
  ])('%s is stored as %s', (input, canonical) => {
    expect(canonicalTimeZone(input)).toBe(canonical);
  });

  it.each(['Mars/Olympus_Mons', '', 'EST', '+05:00', 'Etc/GMT+5'])('%j is refused', (input) => {
    expect(canonicalTimeZone(input)).toBeNull();
  });

  it('the admin panel offers exactly the names the server accepts, each a zone Temporal and the tz database know', () => {
    expect(schema.attributes.timezone.enum).toEqual([...TIME_ZONE_NAMES]);
    for (const name of TIME_ZONE_NAMES) expect(canonicalTimeZone(name)).toBe(name);
    expect(TIME_ZONE_NAMES).not.toContain('Asia/Calcutta');
    expect(TIME_ZONE_NAMES).toEqual(expect.arrayContaining(['Asia/Kolkata', 'America/St_Johns', 'Pacific/Auckland', 'America/Santiago']));
  });
});
