import { describe, expect, it } from 'vitest';
import { LeakScan } from './support/leak-scan';

/** The journeys' leak scan itself (no browser): it must find every unmasked number and nothing inside an identifier. */
describe('the journeys\' leak scan', () => {
  const scan = (...bodies: string[]) => {
    const s = new LeakScan();
    bodies.forEach((body, i) => s.traffic.push({ url: `/api/x${i}`, kind: 'response', body }));
    return s.leaks();
  };

  it('ARC-12 finds a mobile, an ID number and the showcase phone however spelled, in answers and live events', async () => {
    const found = await scan(
      JSON.stringify({ phone: '13912340001' }),
      JSON.stringify({ idNumber: '44030519850101123X' }),
      '{"note":"业户电话 138-1234-5678"}',
      JSON.stringify({ id: '9b0c2f3e-1d2a-4c5b-8e7f-0a1b2c3d4e5f', phone: '15000000000' }),
      JSON.stringify({ contact: 'tel:13912340009;id=5f1e2d3c-4b5a-4978-8a6b-a13760397866' }), // the UUID is blanked, the number beside it is not
    );
    expect(found.map((f) => f.found)).toEqual([['13912340001'], ['44030519850101123X'], ['138-1234-5678'], ['15000000000'], ['13912340009']]);
  });

  it('ARC-12 digits inside a UUID or a hash are not a number anyone typed: not reported, and masked numbers are not either', async () => {
    const found = await scan(
      JSON.stringify({ id: '5f1e2d3c-4b5a-4978-8a6b-a13760397866', unit: '3-2-1502' }),
      JSON.stringify({ hash: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b13760397866' }),
      JSON.stringify({ phone: '139****0001', idNumber: '440305********123X' }),
    );
    expect(found).toEqual([]);
  });
});
