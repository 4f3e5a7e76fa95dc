/**
 * Language and calendar helpers for generated names and dates: Russian Cyrillic transliterated
 * the English, Finnish or Estonian way, slugs and ASCII forms, the small word-shaping rules
 * (Finnish compounds, Russian female surnames), and day arithmetic and zoned date-times done in
 * UTC or through Intl, so no local clock is involved.
 */

const CYRILLIC: Record<string, [string, string, string]> = {
  // [English, Finnish (SFS 4900), Estonian] for each lower-case letter.
  а: ['a', 'a', 'a'],
  б: ['b', 'b', 'b'],
  в: ['v', 'v', 'v'],
  г: ['g', 'g', 'g'],
  д: ['d', 'd', 'd'],
  е: ['e', 'e', 'e'],
  ё: ['yo', 'jo', 'jo'],
  ж: ['zh', 'ž', 'ž'],
  з: ['z', 'z', 'z'],
  и: ['i', 'i', 'i'],
  й: ['y', 'i', 'i'],
  к: ['k', 'k', 'k'],
  л: ['l', 'l', 'l'],
  м: ['m', 'm', 'm'],
  н: ['n', 'n', 'n'],
  о: ['o', 'o', 'o'],
  п: ['p', 'p', 'p'],
  р: ['r', 'r', 'r'],
  с: ['s', 's', 's'],
  т: ['t', 't', 't'],
  у: ['u', 'u', 'u'],
  ф: ['f', 'f', 'f'],
  х: ['kh', 'h', 'h'],
  ц: ['ts', 'ts', 'ts'],
  ч: ['ch', 'tš', 'tš'],
  ш: ['sh', 'š', 'š'],
  щ: ['shch', 'štš', 'štš'],
  ъ: ['', '', ''],
  ы: ['y', 'y', 'õ'],
  ь: ['', '', ''],
  э: ['e', 'e', 'e'],
  ю: ['yu', 'ju', 'ju'],
  я: ['ya', 'ja', 'ja'],
};
const VOWELS = 'аеёиоуыэюяaeiouy';

/** Russian Cyrillic in Latin letters: English (zh, sh), Finnish or Estonian (ž, š, tš; Estonian õ for ы). */
export function transliterate(text: string, to: 'en' | 'fi' | 'et'): string {
  const column = to === 'en' ? 0 : to === 'fi' ? 1 : 2;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const lower = ch.toLowerCase();
    const row = CYRILLIC[lower];
    if (!row) {
      out += ch;
      continue;
    }
    const prev = (text[i - 1] ?? ' ').toLowerCase();
    const next = (text[i + 1] ?? ' ').toLowerCase();
    let latin = row[column];
    const atStart = !/\p{L}/u.test(prev);
    if (to !== 'en') {
      // Finnish and Estonian write е as je at the start and after a vowel or ь, ё as o after the
      // hushing consonants, and -ий at the end of a name as -i.
      if (lower === 'е' && (atStart || VOWELS.includes(prev) || prev === 'ь' || prev === 'ъ'))
        latin = 'je';
      // я, ю, е, ё carry their own j (ья -> ja, йя -> ija); before the other vowels й/ь say j.
      if ((lower === 'й' || lower === 'ь') && 'аоуыэи'.includes(next)) latin = 'j';
      if (lower === 'ё' && 'жчшщ'.includes(prev)) latin = 'o';
      if (lower === 'и' && next === 'й' && !/\p{L}/u.test(text[i + 2] ?? ' ')) latin = 'i';
      if (lower === 'й' && prev === 'и' && !/\p{L}/u.test(next)) latin = '';
    }
    if (ch !== lower && latin.length > 0) latin = latin[0]!.toUpperCase() + latin.slice(1);
    out += latin;
  }
  return out;
}

const FOLD: Record<string, string> = { ß: 'ss', ø: 'o', æ: 'ae', œ: 'oe', đ: 'd', ł: 'l' };

/** Lower-case ASCII slug: diacritics folded (ä -> a, ß -> ss), everything else a single dash. */
export function slugify(text: string): string {
  const folded = text
    .toLowerCase()
    .replace(/[ßøæœđł]/g, (c) => FOLD[c] ?? c)
    .normalize('NFD')
    .replace(/\p{M}/gu, '');
  return folded
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

/** ASCII rendering of a Latin name (the form foreign sources often print). */
export function ascii(text: string): string {
  return text
    .replace(/[ßøæœđł]/g, (c) => FOLD[c] ?? c)
    .normalize('NFD')
    .replace(/\p{M}/gu, '');
}

export const capitalise = (s: string): string =>
  s.length === 0 ? s : s[0]!.toUpperCase() + s.slice(1);
export const lowerFirst = (s: string): string =>
  s.length === 0 ? s : s[0]!.toLowerCase() + s.slice(1);
const pad = (n: number): string => String(n).padStart(2, '0');
export const endsWithVowel = (s: string): boolean => /[aeiouyäöüõåáéíóú]$/i.test(s);

/**
 * Finnish compound of a sector stem and a word: "kiertotalous" + "klusteri", "cleantech-" +
 * "foorumi"; the same vowel on both sides of the seam takes a hyphen ("jätehuolto-osaamiskeskus").
 */
export const fiCompound = (stem: string, word: string): string =>
  /[aeiouyäö]$/.test(stem) && stem.slice(-1) === word[0] ? `${stem}-${word}` : `${stem}${word}`;

/** Russian female surname from the male form. */
export function ruFemale(surname: string): string {
  if (/(ов|ев|ёв|ин|ын)$/.test(surname)) return `${surname}а`;
  if (/ский$/.test(surname)) return surname.replace(/ский$/, 'ская');
  if (/ой$/.test(surname)) return surname.replace(/ой$/, 'ая');
  return surname;
}

/** Day number since 1970-01-01 <-> ISO date, in UTC arithmetic so no local clock is involved. */
export const DAY_MS = 86_400_000;
export const isoDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
export const dayOf = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) / DAY_MS;
export const FIRST_DAY = dayOf(2015, 1, 1);
export const LAST_DAY = dayOf(2025, 12, 31);

const offsetFormats = new Map<string, Intl.DateTimeFormat>();
/** UTC offset ("+03:00") in force in `zone` at a local date and time (never at a DST gap: events run by day). */
function offsetAt(zone: string, isoDate: string, hour: number, minute: number): string {
  let format = offsetFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
    offsetFormats.set(zone, format);
  }
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const local = Date.UTC(y, m - 1, d, hour, minute);
  const read = (instant: number): number => {
    const name = format.formatToParts(new Date(instant)).find((p) => p.type === 'timeZoneName');
    const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name?.value ?? '');
    if (!match) return 0;
    return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
  };
  // The offset at the instant the local time denotes: guess with the local time read as UTC, then refine.
  const minutes = read(local - read(local) * 60_000);
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

export function zoned(zone: string, isoDate: string, hour: number, minute: number): string {
  return `${isoDate}T${pad(hour)}:${pad(minute)}:00${offsetAt(zone, isoDate, hour, minute)}[${zone}]`;
}
