/** The date scalars answer in their format whatever a resolver returns (a stored string or a Date). */
import { DateScalar, DateTimeScalar } from '../../src/shared/scalars';

describe('date scalars', () => {
  it('answer a JavaScript Date in RFC 3339, never as its toString', () => {
    const at = new Date('2026-12-03T19:30:15.000Z');
    expect(DateTimeScalar.serialize(at)).toBe('2026-12-03T19:30:15.000Z');
    expect(DateScalar.serialize(at)).toBe('2026-12-03');
  });

  it('answer a stored string as it is', () => {
    expect(DateTimeScalar.serialize('2019-10-25T10:00:00+03:00')).toBe('2019-10-25T10:00:00+03:00');
    expect(DateScalar.serialize('2019-10-25')).toBe('2019-10-25');
  });
});
