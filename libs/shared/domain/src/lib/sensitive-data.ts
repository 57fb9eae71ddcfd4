import type { SensitiveFinding, SensitiveKind } from './comments';

/**
 * The sensitive-data guard: finds details in free text that could identify a person (a client
 * of child protection, a family member, a worker at home). Comments are shared with many, so
 * a comment with a finding is not published without a coordinator's review.
 *
 * Detected: Finnish personal identity codes (valid date and checksum), phone numbers (Finnish
 * forms starting with 0 or +358, other international +/00 numbers, and any 7–12 digit number
 * right after "puh."/"tel."/"gsm"), e-mail addresses, street addresses (a street name ending
 * in a Finnish or Swedish street word followed by a house number), a postal code followed by a
 * town, and Finnish IBANs (valid checksum).
 *
 * Deliberately not detected, because project work is full of them: dates, times, years and
 * ranges, money ("439 685 €"), percentages, version numbers, work package codes ("TP3"),
 * identity-code-like strings whose checksum or date is wrong, a street or town name alone.
 * It is a net for slips, not a guarantee: names and other descriptions of a person are not
 * found.
 */

const HETU_CHECK = '0123456789ABCDEFHJKLMNPRSTUVWXY';
// An en dash is not an official century sign, but a word processor turns a typed "-" into one.
const HETU = /(?<!\d)(\d{2})(\d{2})(\d{2})([-+A-FU-Y\u2013])(\d{3})([0-9A-Y])(?![\p{L}\p{N}])/giu;

const IBAN = /(?<![\p{L}\p{N}])FI[ \u00a0]?\d{2}(?:[ \u00a0]?\d){14}(?![\p{L}\p{N}])/giu;

const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}_%+-][\p{L}\p{N}._%+-]*@[\p{L}\p{N}][\p{L}\p{N}-]*(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}(?![\p{L}\p{N}])/gu;

/**
 * A run of digits, single separators (space, no-break space, hyphen) and parenthesised area
 * codes that might be a phone number. Not after a letter or digit, nor after "1." or "1-" (a
 * date or a range goes on there) or "x-" (codes, ids). Which runs are phone numbers is decided
 * in `phoneAt`.
 */
const PHONE_RUN = /(?<![\p{L}\p{N}_+]|\p{N}[-/.,:]|\p{L}[-/])\+?(?:\(\d{1,4}\)|\d)(?:[ \u00a0-]?(?:\(\d{1,4}\)|\d)){5,22}(?![\p{L}\p{N}]|[-/.,:][\p{L}\p{N}])/gu;
/** Words that make any following number a phone number. */
const PHONE_CUE = /(?:^|[^\p{L}])(?:puh(?:elin)?(?:numero)?|matkapuhelin|tel(?:efon)?|gsm|mobile?|p)[.:]*[ \u00a0]*$/iu;
/** What after a number shows it is an amount, not a phone number. */
const UNIT_AFTER = /^[ \u00a0]?(?:€|%|-\p{L}|(?:e|eur|euro\p{L}*|prosent\p{L}*|kpl|krt|kerta\p{L}*|kerran|hlö\p{L}*|henk\p{L}*|h|t|tunti\p{L}*|min|km|m|m²|vuot\p{L}*|v)(?!\p{L}))/iu;

const STREET_WORDS = [
  'katu', 'kadulla', 'kadun', 'tie', 'tiellä', 'tien', 'kuja', 'kujalla', 'kujan', 'polku', 'väylä', 'raitti', 'ranta',
  'rinne', 'kaari', 'kaarre', 'tori', 'aukio', 'puistikko', 'piha', 'mäki', 'bulevardi', 'esplanadi', 'gatan', 'vägen',
  'gränd', 'stigen',
];
/**
 * A word ending in a street word (with at least two letters before it, so "tie 12" alone is
 * not one), a house number (maybe a letter, maybe a range) and maybe a staircase and flat:
 * "Kauppakatu 12 B 34", "Puijonkatu 5 a 3", "Mannerheimintie 10", "Storgatan 5 as. 2".
 */
const STREET = new RegExp(
  `(?<![\\p{L}\\p{N}])\\p{L}[\\p{L}-]+?(?:${STREET_WORDS.join('|')})[ \\u00a0]+(\\d{1,4})(?!\\d)` +
    `(?:[ \\u00a0]?[-–][ \\u00a0]?\\d{1,4}(?!\\d))?` +
    `(?:[ \\u00a0]?[a-zåäö](?!\\p{L})(?:[ \\u00a0]?\\d{1,3}(?!\\d|[.,]\\d))?)?` +
    `(?:[ \\u00a0]+as\\.?[ \\u00a0]?\\d{1,3}(?!\\d))?`,
  'giu',
);
/**
 * Compounds that end in a street word but name something else: road numbers ("valtatie 4")
 * and the paths and stages of service design ("palvelupolku 2", "elämänkaari 3").
 */
const NOT_STREETS = [
  'valtatie', 'kantatie', 'seututie', 'moottoritie', 'yhdystie', 'palvelupolku', 'asiakaspolku', 'hoitopolku',
  'opintopolku', 'kuntoutuspolku', 'oppimispolku', 'urapolku', 'koulutuspolku', 'kehityspolku',
  'palveluväylä', 'ohjausväylä', 'asiointiväylä', 'elämänkaari', 'kehityskaari', 'tarinankaari', 'jännitekaari',
];

// No `i` flag: with it \p{Lu} would match lower-case letters too, and the town must be capitalised.
const POSTAL = /(?<![\p{L}\p{N}]|\p{N}[.,])(?:[Ff][Ii]-)?\d{5}[ \u00a0]+(\p{Lu}[\p{L}-]*\p{L})(?![\p{L}\p{N}])/gu;
const NOT_TOWNS = /^(?:eur|euro|euroa|euroja|euron|e)$/i;

function validHetu(m: RegExpMatchArray): boolean {
  const [, dd, mm, yy, sign, individual, check] = m;
  const upper = sign.toUpperCase();
  const century = upper === '+' ? 1800 : 'ABCDEF'.includes(upper) ? 2000 : 1900;
  const year = century + Number(yy);
  const month = Number(mm);
  const day = Number(dd);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return false;
  // 000 and 001 are never given out.
  if (Number(individual) < 2) return false;
  return HETU_CHECK[Number(dd + mm + yy + individual) % 31] === check.toUpperCase();
}

function validIban(raw: string): boolean {
  const compact = raw.replace(/[ \u00a0]/g, '').toUpperCase();
  // Country letters moved to the end as numbers (F = 15, I = 18), then mod 97 must be 1.
  const digits = compact.slice(4) + '1518' + compact.slice(2, 4);
  let rest = 0;
  for (const d of digits) rest = (rest * 10 + Number(d)) % 97;
  return rest === 1;
}

type PhoneForm = 'international' | 'domestic' | 'cued';

/** Whether the start of a run is a phone number of the given form. */
function isPhone(part: string, form: PhoneForm, after: string): boolean {
  if (UNIT_AFTER.test(after)) return false;
  // Dates written with hyphens or spaces, and identity-code-like strings with a wrong checksum.
  if (/^\d{1,2}([- \u00a0])\d{1,2}\1\d{2,4}$/.test(part) || /^\d{6}-\d{3,4}$/.test(part)) return false;
  if (form === 'international') {
    // "+358 (0)40 …": the (0) is the domestic trunk prefix, not part of the number.
    const number = part.replace(/\(0\)/g, '').replace(/\D/g, '').replace(/^00/, '');
    return number.length >= 7 && number.length <= 15 && number[0] !== '0';
  }
  const digits = part.replace(/\D/g, '').length;
  return digits >= 7 && digits <= 12;
}

/**
 * The length of the phone number a run starts with, or 0: the longest start of the run that
 * is one ("040 123 4567 2024" is a number and a year; the run takes both). Without a leading
 * 0 or + only a number right after "puh." or the like counts: otherwise amounts ("1 798 681")
 * would.
 */
function phoneAt(text: string, start: number, run: string): number {
  const form: PhoneForm | null =
    run.startsWith('+') || run.startsWith('00')
      ? 'international'
      : /^\(?0[1-9]/.test(run)
        ? 'domestic'
        : PHONE_CUE.test(text.slice(Math.max(0, start - 30), start))
          ? 'cued'
          : null;
  if (!form) return 0;
  for (let end = run.length; end > 0; end--) {
    if (end < run.length && !/[ \u00a0-]/.test(run[end])) continue;
    const part = run.slice(0, end);
    if (/[\d)]$/.test(part) && isPhone(part, form, text.slice(start + end, start + end + 12))) return end;
  }
  return 0;
}

function candidates(text: string): SensitiveFinding[] {
  const found: SensitiveFinding[] = [];
  const add = (kind: SensitiveKind, start: number, length: number) => found.push({ kind, start, end: start + length });

  for (const m of text.matchAll(HETU)) if (validHetu(m)) add('personal-id', m.index, m[0].length);
  for (const m of text.matchAll(IBAN)) if (validIban(m[0])) add('iban', m.index, m[0].length);
  for (const m of text.matchAll(EMAIL)) add('email', m.index, m[0].length);

  PHONE_RUN.lastIndex = 0;
  for (let m = PHONE_RUN.exec(text); m; m = PHONE_RUN.exec(text)) {
    const length = phoneAt(text, m.index, m[0]);
    if (length > 0) {
      add('phone', m.index, length);
      PHONE_RUN.lastIndex = m.index + length;
    } else {
      // A run that is no phone number may still hold one after a separator ("12 040 123 4567").
      PHONE_RUN.lastIndex = m.index + 1;
    }
  }

  for (const m of text.matchAll(STREET)) {
    const word = m[0].slice(0, m[0].search(/[ \u00a0]/)).toLowerCase();
    const number = Number(m[1]);
    if (NOT_STREETS.some((w) => word.endsWith(w))) continue;
    // "Kehittämistori 2024": a year after an event's name.
    if (m[1].length === 4 && number >= 1900 && number <= 2099) continue;
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 12);
    if (/^[.,]\d/.test(after) || UNIT_AFTER.test(after)) continue;
    add('street-address', m.index, m[0].length);
  }

  for (const m of text.matchAll(POSTAL)) {
    if (NOT_TOWNS.test(m[1])) continue;
    add('postal-code', m.index, m[0].length);
  }
  return found;
}

const PRIORITY: SensitiveKind[] = ['personal-id', 'iban', 'email', 'street-address', 'postal-code', 'phone'];

/**
 * Identifying details in `text`, sorted by start, not overlapping (where two would, the longer
 * one is kept). Offsets are UTF-16 code units, as JavaScript strings count them.
 */
export function findSensitiveData(text: string): SensitiveFinding[] {
  const all = candidates(text).sort(
    (a, b) => b.end - b.start - (a.end - a.start) || PRIORITY.indexOf(a.kind) - PRIORITY.indexOf(b.kind) || a.start - b.start,
  );
  const kept: SensitiveFinding[] = [];
  for (const finding of all) {
    if (kept.every((k) => finding.end <= k.start || finding.start >= k.end)) kept.push(finding);
  }
  return kept.sort((a, b) => a.start - b.start);
}
